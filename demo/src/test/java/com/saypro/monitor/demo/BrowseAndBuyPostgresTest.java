package com.saypro.monitor.demo;

/** The browse-and-buy flow on the machine's PostgreSQL. */
class BrowseAndBuyPostgresTest extends BrowseAndBuyContract {
  @Override
  TestDatabase createDatabase() throws Exception {
    return TestDatabase.postgres();
  }
}
