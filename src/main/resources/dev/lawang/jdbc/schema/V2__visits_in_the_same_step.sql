-- Lawang, schema version 2: a check-in, a check-out and an expiry write the ledger and the visit log in one
-- statement, and so in one transaction; a recovery function settles what version 1 could leave behind.
--
-- Version 1 wrote the stay (lawang_stay) and the visit (lawang_visit) in separate transactions, so a process killed
-- between them left a stay without its visit or an open visit without its stay. The functions below call the
-- version 1 functions and write lawang_visit in the same statement. The version 1 functions stay, unchanged, for
-- instances of version 0.1 that still run during a rolling upgrade.

-- Admits like lawang_admit (same parameters, same outcomes) and, in the same step, records the visit: an admission
-- closes the visitor's open visit (the one it moved away from, at the move's end; any other, at the admission) and
-- opens the new one; a repeat opens the visit of the repeated stay if a crash under version 1 left it without one.
-- A ticket id of an earlier, closed visit raises LW002 and changes nothing.
CREATE FUNCTION lawang_check_in(
    p_visit uuid, p_visitor varchar, p_site varchar, p_agency varchar, p_role varchar,
    p_clock timestamptz, p_day date, p_day_start timestamptz, p_day_end timestamptz, p_stay_micros bigint,
    p_site_limit integer, p_site_mask integer, p_agency_limit integer, p_agency_mask integer,
    p_site_quota integer, p_site_quota_mask integer, p_agency_quota integer, p_agency_quota_mask integer)
    RETURNS TABLE (
        outcome text, refused_count bigint, refused_limit integer,
        visit_id uuid, site_id varchar, agency_id varchar, role varchar, started_at timestamptz, due_at timestamptz,
        moved_visit_id uuid, moved_site_id varchar, moved_agency_id varchar, moved_role varchar,
        moved_started_at timestamptz, moved_due_at timestamptz, moved_ended_at timestamptz, last_day date)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM lawang_admit(p_visit, p_visitor, p_site, p_agency, p_role, p_clock, p_day, p_day_start,
            p_day_end, p_stay_micros, p_site_limit, p_site_mask, p_agency_limit, p_agency_mask, p_site_quota,
            p_site_quota_mask, p_agency_quota, p_agency_quota_mask) LOOP
        IF r.outcome = 'ADMITTED' THEN
            IF EXISTS (SELECT 1 FROM lawang_visit v WHERE v.ticket_id = r.visit_id) THEN
                -- The ledger forgets the ids of closed stays, the visit log does not: undo the admission.
                RAISE EXCEPTION 'the ticket id belongs to an earlier visit' USING ERRCODE = 'LW002';
            END IF;
            UPDATE lawang_visit v
                SET checked_out = greatest(CASE WHEN v.ticket_id = r.moved_visit_id THEN r.moved_ended_at
                                                ELSE r.started_at END, v.checked_in),
                    checked_out_nanos = 0
                WHERE v.visitor_ref = p_visitor AND v.checked_out IS NULL;
            INSERT INTO lawang_visit (ticket_id, visitor_ref, site_id, agency_id, role, checked_in, checked_in_nanos)
                VALUES (r.visit_id, p_visitor, r.site_id, r.agency_id, r.role, r.started_at, 0);
        ELSIF r.outcome = 'REPEAT' THEN
            INSERT INTO lawang_visit (ticket_id, visitor_ref, site_id, agency_id, role, checked_in, checked_in_nanos)
                SELECT r.visit_id, p_visitor, r.site_id, r.agency_id, r.role, r.started_at, 0
                WHERE NOT EXISTS (SELECT 1 FROM lawang_visit v WHERE v.visitor_ref = p_visitor
                                  AND v.checked_out IS NULL)
                ON CONFLICT DO NOTHING;
        END IF;
        outcome := r.outcome; refused_count := r.refused_count; refused_limit := r.refused_limit;
        visit_id := r.visit_id; site_id := r.site_id; agency_id := r.agency_id; role := r.role;
        started_at := r.started_at; due_at := r.due_at; moved_visit_id := r.moved_visit_id;
        moved_site_id := r.moved_site_id; moved_agency_id := r.moved_agency_id; moved_role := r.moved_role;
        moved_started_at := r.moved_started_at; moved_due_at := r.moved_due_at;
        moved_ended_at := r.moved_ended_at; last_day := r.last_day;
        RETURN NEXT;
    END LOOP;
END
$$;

-- Closes one open stay like lawang_release and returns it with its visitor; no row if none was open.
CREATE FUNCTION lawang_release_stay(p_visit uuid, p_clock timestamptz)
    RETURNS TABLE (visit_id uuid, visitor_ref varchar, site_id varchar, agency_id varchar, role varchar,
                   started_at timestamptz, due_at timestamptz, ended_at timestamptz)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_visitor varchar;
BEGIN
    SELECT st.visitor_key INTO v_visitor FROM lawang_stay st WHERE st.visit_id = p_visit;
    RETURN QUERY SELECT r.visit_id, v_visitor, r.site_id, r.agency_id, r.role, r.started_at, r.due_at, r.ended_at
        FROM lawang_release(p_visit, p_clock) r;
END
$$;

-- Checks a visitor out: closes the stay like lawang_release_stay and, in the same step, its visit at the same
-- instant. A visit open without a stay (left by a crash under version 1) is closed at the clock. Returns the stay (or
-- that visit) with its visitor and whether it had a stay, or no row if neither was open.
CREATE FUNCTION lawang_check_out(p_visit uuid, p_clock timestamptz)
    RETURNS TABLE (visit_id uuid, visitor_ref varchar, site_id varchar, agency_id varchar, role varchar,
                   started_at timestamptz, due_at timestamptz, ended_at timestamptz, had_stay boolean)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    r record;
BEGIN
    SELECT * INTO r FROM lawang_release_stay(p_visit, p_clock);
    IF r.visit_id IS NOT NULL THEN
        UPDATE lawang_visit v SET checked_out = greatest(r.ended_at, v.checked_in), checked_out_nanos = 0
            WHERE v.ticket_id = p_visit AND v.checked_out IS NULL;
        visit_id := r.visit_id; visitor_ref := r.visitor_ref; site_id := r.site_id; agency_id := r.agency_id;
        role := r.role; started_at := r.started_at; due_at := r.due_at; ended_at := r.ended_at; had_stay := true;
        RETURN NEXT;
        RETURN;
    END IF;
    RETURN QUERY
        UPDATE lawang_visit v SET checked_out = greatest(coalesce(p_clock, clock_timestamp()), v.checked_in),
               checked_out_nanos = 0
        WHERE v.ticket_id = p_visit AND v.checked_out IS NULL
        RETURNING v.ticket_id, v.visitor_ref, v.site_id, v.agency_id, v.role, v.checked_in, v.checked_in,
                  v.checked_out, false;
END
$$;

-- Closes up to p_batch overdue stays at one site like lawang_expire_site and returns them with their visitors. The
-- site's lock is taken first, so the visitors read before the stays go are those of the stays that go.
CREATE FUNCTION lawang_expire_stays(p_site varchar, p_clock timestamptz, p_batch integer)
    RETURNS TABLE (visit_id uuid, visitor_ref varchar, site_id varchar, agency_id varchar, role varchar,
                   started_at timestamptz, due_at timestamptz, ended_at timestamptz)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
    PERFORM lawang_lock_site(p_site);
    RETURN QUERY
    WITH visitors AS MATERIALIZED (
        SELECT st.visit_id, st.visitor_key FROM lawang_stay st WHERE st.site_id = p_site
    ), gone AS MATERIALIZED (
        SELECT * FROM lawang_expire_site(p_site, p_clock, p_batch)
    )
    SELECT g.visit_id, w.visitor_key, g.site_id, g.agency_id, g.role, g.started_at, g.due_at, g.ended_at
    FROM gone g JOIN visitors w ON w.visit_id = g.visit_id;
END
$$;

-- Expires like lawang_expire_stays and, in the same step, closes the stays' visits at the moment each was due.
CREATE FUNCTION lawang_expire_visits(p_site varchar, p_clock timestamptz, p_batch integer)
    RETURNS TABLE (visit_id uuid, visitor_ref varchar, site_id varchar, agency_id varchar, role varchar,
                   started_at timestamptz, due_at timestamptz, ended_at timestamptz)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH gone AS MATERIALIZED (
        SELECT * FROM lawang_expire_stays(p_site, p_clock, p_batch)
    ), closed AS (
        UPDATE lawang_visit v SET checked_out = greatest(g.due_at, v.checked_in), checked_out_nanos = 0
        FROM gone g WHERE v.ticket_id = g.visit_id AND v.checked_out IS NULL
        RETURNING v.ticket_id
    )
    SELECT g.visit_id, g.visitor_ref, g.site_id, g.agency_id, g.role, g.started_at, g.due_at, g.ended_at
    FROM gone g;
END
$$;

-- Settles what a process killed between two transactions of version 1 left behind, for stays and visits begun
-- before p_before (recent ones may belong to a check-in still running elsewhere): an open visit without a stay is
-- closed at the clock; a stay without an open visit gets its visit, unless its visitor has another open visit or
-- the stay's own visit was already closed, in which case the stay is released (the visitor is elsewhere, or left).
-- Returns how many of each it settled.
CREATE FUNCTION lawang_recover(p_clock timestamptz, p_before timestamptz,
    OUT visits_closed integer, OUT visits_opened integer, OUT stays_released integer)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_now timestamptz := coalesce(p_clock, clock_timestamp());
    s record;
BEGIN
    UPDATE lawang_visit v SET checked_out = greatest(v_now, v.checked_in), checked_out_nanos = 0
        WHERE v.checked_out IS NULL AND v.checked_in < p_before
          AND NOT EXISTS (SELECT 1 FROM lawang_stay st WHERE st.visit_id = v.ticket_id);
    GET DIAGNOSTICS visits_closed = ROW_COUNT;
    visits_opened := 0;
    stays_released := 0;
    FOR s IN SELECT st.* FROM lawang_stay st
             WHERE st.started_at < p_before
               AND NOT EXISTS (SELECT 1 FROM lawang_visit v WHERE v.ticket_id = st.visit_id AND v.checked_out IS NULL)
             ORDER BY st.site_id, st.visit_id LOOP
        IF EXISTS (SELECT 1 FROM lawang_visit v WHERE v.ticket_id = s.visit_id
                   OR (v.visitor_ref = s.visitor_key AND v.checked_out IS NULL)) THEN
            PERFORM lawang_release(s.visit_id, p_clock);
            stays_released := stays_released + 1;
        ELSE
            INSERT INTO lawang_visit (ticket_id, visitor_ref, site_id, agency_id, role, checked_in, checked_in_nanos)
                VALUES (s.visit_id, s.visitor_key, s.site_id, s.agency_id, s.role, s.started_at, 0);
            visits_opened := visits_opened + 1;
        END IF;
    END LOOP;
END
$$;

INSERT INTO lawang_schema_version (version) VALUES (2);
