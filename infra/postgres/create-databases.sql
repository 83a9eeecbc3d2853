-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d).
-- Each service owns one database and migrates its tables itself at start-up.
CREATE DATABASE shop_order;
CREATE DATABASE shop_inventory;
CREATE DATABASE shop_payment;
CREATE DATABASE shop_shipping;
CREATE DATABASE shop_gateway;
