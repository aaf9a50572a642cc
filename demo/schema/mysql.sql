-- SayPro demo marketplace schema (MySQL 8 / MariaDB 10.6+). Twin of postgresql.sql: keep in step.
CREATE TABLE IF NOT EXISTS users (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  email         VARCHAR(255) NOT NULL UNIQUE,
  password_hash VARCHAR(100) NOT NULL,
  display_name  VARCHAR(100) NOT NULL,
  is_admin      BOOLEAN NOT NULL DEFAULT FALSE,
  created_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS products (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  sku         VARCHAR(64) NOT NULL UNIQUE,
  name        VARCHAR(200) NOT NULL,
  category    VARCHAR(64) NOT NULL,
  price_cents BIGINT NOT NULL CHECK (price_cents >= 0),
  created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS inventory (
  product_id BIGINT PRIMARY KEY,
  quantity   INT NOT NULL,
  updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS orders (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  order_number VARCHAR(32) NOT NULL,
  user_id      BIGINT NULL,
  status       VARCHAR(16) NOT NULL,
  total_cents  BIGINT NOT NULL DEFAULT 0,
  created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  placed_at    TIMESTAMP(3) NULL,
  paid_at      TIMESTAMP(3) NULL,
  INDEX orders_status_placed (status, placed_at),
  INDEX orders_number (order_number)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS order_lines (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  order_id         BIGINT NOT NULL,
  product_id       BIGINT NOT NULL,
  quantity         INT NOT NULL,
  unit_price_cents BIGINT NOT NULL,
  INDEX order_lines_order (order_id)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS payments (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  order_id     BIGINT NULL,
  gateway      VARCHAR(32) NOT NULL,
  status       VARCHAR(16) NOT NULL,
  error_code   VARCHAR(32) NULL,
  amount_cents BIGINT NOT NULL,
  created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  INDEX payments_created (created_at)
) ENGINE=InnoDB;
