-- SayPro demo marketplace schema (PostgreSQL). The demo marketplace (demo/) writes it; the
-- database exporter's marketplace checks (exporters/database) read it; the backup exporter's
-- restore drills count its rows. Keep the MySQL/MariaDB twin (mysql.sql) in step.
CREATE TABLE IF NOT EXISTS users (
  id            BIGSERIAL PRIMARY KEY,
  email         VARCHAR(255) NOT NULL UNIQUE,
  password_hash VARCHAR(100) NOT NULL,
  display_name  VARCHAR(100) NOT NULL,
  is_admin      BOOLEAN NOT NULL DEFAULT FALSE,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS products (
  id          BIGSERIAL PRIMARY KEY,
  sku         VARCHAR(64) NOT NULL UNIQUE,
  name        VARCHAR(200) NOT NULL,
  category    VARCHAR(64) NOT NULL,
  price_cents BIGINT NOT NULL CHECK (price_cents >= 0),
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- No foreign keys on purpose between the business tables below: the integrity checks of the
-- database exporter exist to catch what a real application without them gets wrong.
CREATE TABLE IF NOT EXISTS inventory (
  product_id BIGINT PRIMARY KEY,
  quantity   INTEGER NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orders (
  id           BIGSERIAL PRIMARY KEY,
  order_number VARCHAR(32) NOT NULL,
  user_id      BIGINT,
  status       VARCHAR(16) NOT NULL, -- cart, placed, paid, failed, cancelled
  total_cents  BIGINT NOT NULL DEFAULT 0,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  placed_at    TIMESTAMPTZ,
  paid_at      TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS orders_status_placed ON orders (status, placed_at);
CREATE INDEX IF NOT EXISTS orders_number ON orders (order_number);

CREATE TABLE IF NOT EXISTS order_lines (
  id               BIGSERIAL PRIMARY KEY,
  order_id         BIGINT NOT NULL,
  product_id       BIGINT NOT NULL,
  quantity         INTEGER NOT NULL,
  unit_price_cents BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS order_lines_order ON order_lines (order_id);

CREATE TABLE IF NOT EXISTS payments (
  id           BIGSERIAL PRIMARY KEY,
  order_id     BIGINT,
  gateway      VARCHAR(32) NOT NULL,   -- bounded set: sandbox, cardpay, walletpay
  status       VARCHAR(16) NOT NULL,   -- pending, succeeded, failed
  error_code   VARCHAR(32),            -- bounded set: declined, timeout, insufficient_funds, fraud_suspected, gateway_error
  amount_cents BIGINT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS payments_created ON payments (created_at);
