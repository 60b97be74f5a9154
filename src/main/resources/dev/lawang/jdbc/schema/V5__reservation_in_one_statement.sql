-- Lawang, schema version 5: a reservation is one statement, so that it holds the service-day's row lock only while
-- the server runs and commits it, not while the client sends the steps of a transaction one by one.
--
-- The locks and their order are those of version 4: the visitor's advisory lock first (class 1818326894, the text
-- "lawn" as an integer; version 4's comment gave another number, the code always used this one), then the row of
-- the service-day in lawang_booking_day.

-- Locks the row of a service-day, creating it first if it is not there.
CREATE FUNCTION lawang_lock_booking_day(p_service varchar, p_day date) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM lawang_booking_day d WHERE d.service_id = p_service AND d.day = p_day FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO lawang_booking_day (service_id, day) VALUES (p_service, p_day) ON CONFLICT DO NOTHING;
        PERFORM 1 FROM lawang_booking_day d WHERE d.service_id = p_service AND d.day = p_day FOR UPDATE;
    END IF;
END
$$;

-- Stores a hold if its visitor may hold another active booking and its day has a booked place left, both counted at
-- p_now, and answers RESERVED, TOO_MANY_ACTIVE or DAY_FULL; ID_IN_USE if the booking id is taken. A repeat after a
-- commit of unknown fate (p_repeat) answers RESERVED if the same hold is already stored.
CREATE FUNCTION lawang_reserve(
    p_booking uuid, p_service varchar, p_visitor varchar, p_day date, p_channel varchar, p_created timestamptz,
    p_place_until timestamptz, p_quota integer, p_max_active integer, p_now timestamptz, p_repeat boolean)
    RETURNS text
    LANGUAGE plpgsql AS $$
DECLARE
    stored lawang_booking%ROWTYPE;
BEGIN
    PERFORM pg_advisory_xact_lock(1818326894, hashtext(p_visitor));
    SELECT * INTO stored FROM lawang_booking b WHERE b.booking_id = p_booking;
    IF FOUND THEN
        IF p_repeat AND stored.service_id = p_service AND stored.visitor_ref = p_visitor AND stored.day = p_day
                AND stored.created_at = p_created THEN
            RETURN 'RESERVED';
        END IF;
        RETURN 'ID_IN_USE';
    END IF;
    PERFORM lawang_lock_booking_day(p_service, p_day);
    -- The first state condition is that of the index lawang_booking_active_visitor, written out so that the
    -- planner can use the index: the visitor's active bookings are few, the table's rows many.
    IF (SELECT count(*) FROM lawang_booking b WHERE b.visitor_ref = p_visitor
            AND b.state IN ('HELD', 'CONFIRMED', 'ARRIVED') AND b.channel = 'BOOKED'
            AND (b.state IN ('CONFIRMED', 'ARRIVED') OR (b.state = 'HELD' AND b.place_until > p_now)))
            >= p_max_active THEN
        RETURN 'TOO_MANY_ACTIVE';
    END IF;
    IF (SELECT count(*) FROM lawang_booking b WHERE b.service_id = p_service AND b.day = p_day
            AND b.channel = 'BOOKED' AND (b.place_until IS NULL OR b.place_until > p_now)) >= p_quota THEN
        RETURN 'DAY_FULL';
    END IF;
    INSERT INTO lawang_booking (booking_id, service_id, visitor_ref, day, channel, state, created_at, place_until)
        VALUES (p_booking, p_service, p_visitor, p_day, p_channel, 'HELD', p_created, p_place_until);
    RETURN 'RESERVED';
END
$$;

INSERT INTO lawang_schema_version (version) VALUES (5);
