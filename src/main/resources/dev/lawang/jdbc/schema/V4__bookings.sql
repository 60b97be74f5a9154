-- Lawang, schema version 4: booked face-to-face service (dev.lawang.booking, kept by JdbcBookingStore).
--
-- Concurrency rule: every quota check of a service-day first locks that day's row in lawang_booking_day, and a
-- reservation locks its visitor (a transaction-level advisory lock in the class 1819243118, keyed by the hash of the
-- pseudonym) before the day, so the counts of a day and of a visitor are read and written one transaction at a time,
-- across application instances. A transaction locks at most one visitor and one day, in that order.

CREATE TABLE lawang_booking_day (
    service_id varchar(64) NOT NULL,
    day        date        NOT NULL,
    PRIMARY KEY (service_id, day)
);

-- A booked place counts against its day while place_until is null or later than the instant of the count: a hold
-- until it expires, a cancellation until its place comes back, every other booked place for good.
CREATE TABLE lawang_booking (
    booking_id  uuid         PRIMARY KEY,
    service_id  varchar(64)  NOT NULL,
    visitor_ref varchar(256) NOT NULL,
    day         date         NOT NULL,
    channel     varchar(8)   NOT NULL CHECK (channel IN ('BOOKED', 'WALK_IN')),
    state       varchar(9)   NOT NULL
        CHECK (state IN ('HELD', 'CONFIRMED', 'ARRIVED', 'SERVED', 'NO_SHOW', 'CANCELLED')),
    created_at  timestamptz  NOT NULL,
    place_until timestamptz,
    arrived_at  timestamptz,
    ended_at    timestamptz,
    ticket_id   uuid,
    FOREIGN KEY (service_id, day) REFERENCES lawang_booking_day (service_id, day)
);
CREATE INDEX lawang_booking_service_day ON lawang_booking (service_id, day);
CREATE INDEX lawang_booking_active_visitor ON lawang_booking (visitor_ref)
    WHERE state IN ('HELD', 'CONFIRMED', 'ARRIVED');

INSERT INTO lawang_schema_version (version) VALUES (4);
