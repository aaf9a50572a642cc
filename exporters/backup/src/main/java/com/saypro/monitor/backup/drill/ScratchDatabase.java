package com.saypro.monitor.backup.drill;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The operations a drill runs against its scratch database, one implementation per engine. Every
 * statement names only the scratch database (a validated identifier); the maintenance connection
 * (PostgreSQL) only creates and drops it.
 */
interface ScratchDatabase {
  /** Drops a scratch database the drill left before (it carries a marker) and creates it empty. */
  void create(Instant deadline) throws DrillException, InterruptedException;

  void restore(Path dump, Instant deadline) throws DrillException, InterruptedException;

  /** Row counts of the tables, in order. */
  List<Long> count(List<String> tables, Instant deadline) throws DrillException, InterruptedException;

  void drop(Instant deadline) throws DrillException, InterruptedException;

  /**
   * Row counts of the tables, then the drop: one client start where the engine allows it (a drill's
   * fixed cost is mostly client starts). When it throws, the database may still exist.
   */
  default List<Long> countAndDrop(List<String> tables, Instant deadline) throws DrillException, InterruptedException {
    List<Long> counts = count(tables, deadline);
    drop(deadline);
    return counts;
  }
}
