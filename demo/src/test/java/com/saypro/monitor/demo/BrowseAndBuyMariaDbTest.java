package com.saypro.monitor.demo;

/** The browse-and-buy flow on the machine's MariaDB, through the MySQL driver. */
class BrowseAndBuyMariaDbTest extends BrowseAndBuyContract {
  @Override
  TestDatabase createDatabase() throws Exception {
    return TestDatabase.mariadb();
  }
}
