-- Lawang, schema version 7: offline decisions of kiosks applied once each (dev.lawang.kiosk.Sync,
-- JdbcLedger.applyOffline).
--
-- A kiosk decides offline against a lease of placeholder stays; at sync each of its decisions is applied once per
-- (device, sequence number), and the record that it was applied is written in the same transaction as its effect.

-- What was applied, by device and sequence number: the ticket (for a refusal the nil uuid), the kind
-- ('A' admission, 'O' check-out, 'R' refusal), when the kiosk decided, and the outcome (OfflineEffect.Outcome).
CREATE TABLE lawang_offline_applied (
    device_id  varchar(64)  NOT NULL,
    sequence   bigint       NOT NULL CHECK (sequence >= 1),
    kind       char(1)      NOT NULL CHECK (kind IN ('A', 'O', 'R')),
    ticket_id  uuid         NOT NULL,
    decided_at timestamptz  NOT NULL,
    outcome    varchar(24)  NOT NULL,
    applied_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (device_id, sequence)
);
CREATE INDEX lawang_offline_applied_ticket ON lawang_offline_applied (ticket_id, kind);

-- Applies one offline decision. p_placeholders is a window of the lease's placeholders, in the lease's order;
-- when none of them is open, nothing is recorded or changed (NO_OPEN_PLACEHOLDER) and the caller passes the next
-- window, or an empty array to record the decision without a place. Returns the outcome, the stay opened or closed (if any) and the placeholder swapped
-- or released (if any). p_keep_visits: the ledger keeps the visit log (JdbcLedger.of), whose rows change in the same
-- step. Concurrency: the record's primary key serialises two uploads of the same decision (the second waits, then
-- finds it); every change to a site's stays takes the site's row lock first, as everywhere else.
CREATE FUNCTION lawang_apply_offline(
    p_device varchar, p_sequence bigint, p_kind char, p_ticket uuid, p_visitor varchar, p_site varchar,
    p_agency varchar, p_role varchar, p_channel varchar, p_at timestamptz, p_placeholders uuid[], p_stay_micros bigint,
    p_keep_visits boolean, p_clock timestamptz)
    RETURNS TABLE (outcome varchar, first_outcome varchar, placeholder_id uuid, visit_id uuid, site_id varchar,
                   agency_id varchar, role varchar, started_at timestamptz, due_at timestamptz, channel varchar)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_before lawang_offline_applied%ROWTYPE;
    v_outcome varchar;
    v_out_at timestamptz;
    v_ph lawang_stay%ROWTYPE;
    v_candidate uuid;
    v_now timestamptz;
    v_start timestamptz;
    r record;
BEGIN
    INSERT INTO lawang_offline_applied (device_id, sequence, kind, ticket_id, decided_at, outcome)
        VALUES (p_device, p_sequence, p_kind, p_ticket, p_at, 'APPLYING')
        ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        SELECT * INTO v_before FROM lawang_offline_applied a WHERE a.device_id = p_device AND a.sequence = p_sequence;
        IF v_before.ticket_id = p_ticket AND v_before.kind = p_kind THEN
            outcome := 'ALREADY_APPLIED'; first_outcome := v_before.outcome;
        ELSE
            outcome := 'MISMATCH'; first_outcome := 'MISMATCH';
        END IF;
        RETURN NEXT;
        RETURN;
    END IF;

    IF p_kind = 'R' THEN
        v_outcome := 'RECORDED';
    ELSIF p_kind = 'O' THEN
        IF NOT EXISTS (SELECT 1 FROM lawang_offline_applied a WHERE a.ticket_id = p_ticket AND a.kind = 'A') THEN
            v_outcome := 'PENDING';
        ELSE
            SELECT * INTO r FROM lawang_release_stay(p_ticket, p_clock);
            IF r.visit_id IS NULL THEN
                v_outcome := 'NOT_OPEN';
            ELSE
                v_outcome := 'RELEASED';
                IF p_keep_visits THEN
                    UPDATE lawang_visit v SET checked_out = greatest(p_at, v.checked_in), checked_out_nanos = 0
                        WHERE v.ticket_id = p_ticket AND v.checked_out IS NULL;
                END IF;
                visit_id := r.visit_id; site_id := r.site_id; agency_id := r.agency_id; role := r.role;
                started_at := r.started_at; due_at := r.due_at; channel := r.channel;
            END IF;
        END IF;
    ELSE
        IF EXISTS (SELECT 1 FROM lawang_offline_applied a WHERE a.ticket_id = p_ticket AND a.kind = 'A'
                   AND (a.device_id, a.sequence) <> (p_device, p_sequence))
                OR EXISTS (SELECT 1 FROM lawang_stay s WHERE s.visit_id = p_ticket)
                OR (p_keep_visits AND EXISTS (SELECT 1 FROM lawang_visit v WHERE v.ticket_id = p_ticket)) THEN
            v_outcome := 'TICKET_IN_USE';
        ELSE
            SELECT a.decided_at INTO v_out_at FROM lawang_offline_applied a
                WHERE a.ticket_id = p_ticket AND a.kind = 'O' ORDER BY a.decided_at LIMIT 1;
            v_now := greatest(coalesce(p_clock, clock_timestamp()), (lawang_lock_site(p_site)).last_at);
            -- The first open placeholder in the window's order, one primary-key look-up at a time (a query over
            -- the whole array would scan the stays).
            FOREACH v_candidate IN ARRAY p_placeholders LOOP
                SELECT * INTO v_ph FROM lawang_stay s
                    WHERE s.visit_id = v_candidate AND s.site_id = p_site AND s.agency_id = p_agency FOR UPDATE;
                EXIT WHEN FOUND;
            END LOOP;
            IF v_ph.visit_id IS NULL AND cardinality(p_placeholders) > 0 THEN
                -- None of this window is open: record nothing, so that the caller passes the next window.
                DELETE FROM lawang_offline_applied a WHERE a.device_id = p_device AND a.sequence = p_sequence;
                outcome := 'NO_OPEN_PLACEHOLDER'; first_outcome := 'NO_OPEN_PLACEHOLDER';
                RETURN NEXT;
                RETURN;
            END IF;
            IF v_out_at IS NOT NULL THEN
                v_outcome := 'ALREADY_OVER';
            ELSIF EXISTS (SELECT 1 FROM lawang_stay s WHERE s.visitor_key = p_visitor) THEN
                v_outcome := 'VISITOR_ELSEWHERE';
            ELSIF v_ph.visit_id IS NULL THEN
                v_outcome := 'UNLEASED';
            ELSE
                v_outcome := 'SWAPPED';
                v_start := least(greatest(p_at, v_ph.started_at), v_now);
                UPDATE lawang_stay s SET visit_id = p_ticket, visitor_key = p_visitor, role = p_role, channel = p_channel,
                        started_at = v_start, due_at = v_start + make_interval(secs => p_stay_micros / 1e6)
                    WHERE s.visit_id = v_ph.visit_id;
                IF p_role <> v_ph.role THEN
                    UPDATE lawang_site s
                        SET present_staff = s.present_staff + CASE p_role WHEN 'STAFF' THEN 1 ELSE -1 END,
                            present_guest = s.present_guest + CASE p_role WHEN 'STAFF' THEN -1 ELSE 1 END
                        WHERE s.site_id = p_site;
                    UPDATE lawang_agency a
                        SET present_staff = a.present_staff + CASE p_role WHEN 'STAFF' THEN 1 ELSE -1 END,
                            present_guest = a.present_guest + CASE p_role WHEN 'STAFF' THEN -1 ELSE 1 END
                        WHERE a.site_id = p_site AND a.agency_id = p_agency;
                END IF;
                IF p_keep_visits THEN
                    UPDATE lawang_visit v SET checked_out = greatest(v_start, v.checked_in), checked_out_nanos = 0
                        WHERE v.ticket_id = v_ph.visit_id AND v.checked_out IS NULL;
                    INSERT INTO lawang_visit (ticket_id, visitor_ref, site_id, agency_id, role, checked_in,
                            checked_in_nanos, channel)
                        VALUES (p_ticket, p_visitor, p_site, p_agency, p_role, v_start, 0, p_channel);
                END IF;
                placeholder_id := v_ph.visit_id; visit_id := p_ticket; site_id := p_site; agency_id := p_agency;
                role := p_role; started_at := v_start; channel := p_channel;
                due_at := v_start + make_interval(secs => p_stay_micros / 1e6);
            END IF;
            IF v_outcome IN ('ALREADY_OVER', 'VISITOR_ELSEWHERE', 'UNLEASED') THEN
                IF v_ph.visit_id IS NOT NULL AND v_outcome <> 'UNLEASED' THEN
                    PERFORM lawang_release_stay(v_ph.visit_id, p_clock);
                    placeholder_id := v_ph.visit_id;
                    IF p_keep_visits THEN
                        UPDATE lawang_visit v SET checked_out = greatest(p_at, v.checked_in), checked_out_nanos = 0
                            WHERE v.ticket_id = v_ph.visit_id AND v.checked_out IS NULL;
                    END IF;
                END IF;
                IF p_keep_visits THEN
                    INSERT INTO lawang_visit (ticket_id, visitor_ref, site_id, agency_id, role, checked_in,
                            checked_in_nanos, checked_out, checked_out_nanos, channel)
                        VALUES (p_ticket, p_visitor, p_site, p_agency, p_role, p_at, 0,
                                greatest(coalesce(v_out_at, p_at), p_at), 0, p_channel)
                        ON CONFLICT DO NOTHING;
                END IF;
            END IF;
        END IF;
    END IF;
    UPDATE lawang_offline_applied a SET outcome = v_outcome
        WHERE a.device_id = p_device AND a.sequence = p_sequence;
    outcome := v_outcome; first_outcome := v_outcome;
    RETURN NEXT;
END
$$;

-- Releases a stay that stood for a place never used (JdbcLedger.releaseUnused: a kiosk's leased place given back
-- unused) as lawang_release_stay does, or as lawang_check_out does when the ledger keeps the visit log, and takes its
-- admission off the count of its local day in p_zone if that is the site's current day, so that its place in the
-- day's quota comes back. Under the site's row lock, which the release takes.
CREATE FUNCTION lawang_release_unused(p_visit uuid, p_clock timestamptz, p_zone text, p_keep_visits boolean)
    RETURNS TABLE (visit_id uuid, visitor_ref varchar, site_id varchar, agency_id varchar, role varchar,
                   started_at timestamptz, due_at timestamptz, ended_at timestamptz, channel varchar)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    r record;
    v_day date;
BEGIN
    IF p_keep_visits THEN
        SELECT * INTO r FROM lawang_check_out(p_visit, p_clock) o WHERE o.had_stay;
    ELSE
        SELECT * INTO r FROM lawang_release_stay(p_visit, p_clock);
    END IF;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    v_day := (r.started_at AT TIME ZONE p_zone)::date;
    IF v_day = (SELECT s.last_day FROM lawang_site s WHERE s.site_id = r.site_id) THEN
        UPDATE lawang_admitted d
            SET admitted_staff = greatest(d.admitted_staff - CASE r.role WHEN 'STAFF' THEN 1 ELSE 0 END, 0),
                admitted_guest = greatest(d.admitted_guest - CASE r.role WHEN 'STAFF' THEN 0 ELSE 1 END, 0)
            WHERE d.site_id = r.site_id AND d.day = v_day AND d.agency_id IN ('', r.agency_id);
    END IF;
    visit_id := r.visit_id; visitor_ref := r.visitor_ref; site_id := r.site_id; agency_id := r.agency_id;
    role := r.role; started_at := r.started_at; due_at := r.due_at; ended_at := r.ended_at; channel := r.channel;
    RETURN NEXT;
END
$$;

INSERT INTO lawang_schema_version (version) VALUES (7);
