-- Lawang, schema version 6: every stay and every visit records how it came in (its entry channel): a printed code,
-- a rotating code, another system's registered poster (no signature behind it) or a walk-in registered at the desk.
--
-- Rows of earlier versions, which knew printed codes only, read as PRINTED_CODE. The functions that return stays
-- gain a last column, channel; callers of version 5 read columns by name and are not disturbed. The check-in
-- functions of versions 1 and 2 stay, unchanged, for instances of the previous version during a rolling upgrade:
-- what they record reads as PRINTED_CODE.

ALTER TABLE lawang_stay ADD COLUMN channel varchar(32) NOT NULL DEFAULT 'PRINTED_CODE'
    CHECK (channel IN ('PRINTED_CODE', 'ROTATING_CODE', 'REGISTERED_FOREIGN_CODE', 'WALK_IN'));
ALTER TABLE lawang_visit ADD COLUMN channel varchar(32) NOT NULL DEFAULT 'PRINTED_CODE'
    CHECK (channel IN ('PRINTED_CODE', 'ROTATING_CODE', 'REGISTERED_FOREIGN_CODE', 'WALK_IN'));

-- Admits like lawang_admit (same parameters before p_channel, same outcomes) and keeps the channel on the new stay;
-- a repeat returns the channel its stay was admitted through, a move the channel of the stay moved away from.
CREATE FUNCTION lawang_admit_via(
    p_visit uuid, p_visitor varchar, p_site varchar, p_agency varchar, p_role varchar,
    p_clock timestamptz, p_day date, p_day_start timestamptz, p_day_end timestamptz, p_stay_micros bigint,
    p_site_limit integer, p_site_mask integer, p_agency_limit integer, p_agency_mask integer,
    p_site_quota integer, p_site_quota_mask integer, p_agency_quota integer, p_agency_quota_mask integer,
    p_channel varchar)
    RETURNS TABLE (
        outcome text, refused_count bigint, refused_limit integer,
        visit_id uuid, site_id varchar, agency_id varchar, role varchar, started_at timestamptz, due_at timestamptz,
        moved_visit_id uuid, moved_site_id varchar, moved_agency_id varchar, moved_role varchar,
        moved_started_at timestamptz, moved_due_at timestamptz, moved_ended_at timestamptz, last_day date,
        channel varchar, moved_channel varchar)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    r record;
    v_prev_id uuid;
    v_prev_channel varchar;
BEGIN
    IF p_channel IS NULL OR p_channel NOT IN ('PRINTED_CODE', 'ROTATING_CODE', 'REGISTERED_FOREIGN_CODE', 'WALK_IN')
    THEN
        RAISE EXCEPTION 'unknown entry channel' USING ERRCODE = '22023';
    END IF;
    -- The stay a move leaves is deleted by lawang_admit: its channel is read first (one stay per visitor key).
    SELECT st.visit_id, st.channel INTO v_prev_id, v_prev_channel FROM lawang_stay st WHERE st.visitor_key = p_visitor;
    FOR r IN SELECT * FROM lawang_admit(p_visit, p_visitor, p_site, p_agency, p_role, p_clock, p_day, p_day_start,
            p_day_end, p_stay_micros, p_site_limit, p_site_mask, p_agency_limit, p_agency_mask, p_site_quota,
            p_site_quota_mask, p_agency_quota, p_agency_quota_mask) LOOP
        channel := NULL;
        IF r.outcome = 'ADMITTED' THEN
            UPDATE lawang_stay st SET channel = p_channel WHERE st.visit_id = r.visit_id;
            channel := p_channel;
        ELSIF r.outcome = 'REPEAT' THEN
            SELECT st.channel INTO channel FROM lawang_stay st WHERE st.visit_id = r.visit_id;
        END IF;
        moved_channel := NULL;
        IF r.moved_visit_id IS NOT NULL THEN
            moved_channel := CASE WHEN r.moved_visit_id = v_prev_id THEN v_prev_channel END;
            IF moved_channel IS NULL THEN
                SELECT v.channel INTO moved_channel FROM lawang_visit v WHERE v.ticket_id = r.moved_visit_id;
            END IF;
            moved_channel := coalesce(moved_channel, 'PRINTED_CODE');
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

-- Checks in like version 2's lawang_check_in (same parameters before p_channel, same outcomes and LW002), through
-- lawang_admit_via: the new visit records the channel, and a visit a repeat restores records its stay's.
CREATE FUNCTION lawang_check_in(
    p_visit uuid, p_visitor varchar, p_site varchar, p_agency varchar, p_role varchar,
    p_clock timestamptz, p_day date, p_day_start timestamptz, p_day_end timestamptz, p_stay_micros bigint,
    p_site_limit integer, p_site_mask integer, p_agency_limit integer, p_agency_mask integer,
    p_site_quota integer, p_site_quota_mask integer, p_agency_quota integer, p_agency_quota_mask integer,
    p_channel varchar)
    RETURNS TABLE (
        outcome text, refused_count bigint, refused_limit integer,
        visit_id uuid, site_id varchar, agency_id varchar, role varchar, started_at timestamptz, due_at timestamptz,
        moved_visit_id uuid, moved_site_id varchar, moved_agency_id varchar, moved_role varchar,
        moved_started_at timestamptz, moved_due_at timestamptz, moved_ended_at timestamptz, last_day date,
        channel varchar, moved_channel varchar)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM lawang_admit_via(p_visit, p_visitor, p_site, p_agency, p_role, p_clock, p_day,
            p_day_start, p_day_end, p_stay_micros, p_site_limit, p_site_mask, p_agency_limit, p_agency_mask,
            p_site_quota, p_site_quota_mask, p_agency_quota, p_agency_quota_mask, p_channel) LOOP
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
            INSERT INTO lawang_visit (ticket_id, visitor_ref, site_id, agency_id, role, checked_in, checked_in_nanos,
                                      channel)
                VALUES (r.visit_id, p_visitor, r.site_id, r.agency_id, r.role, r.started_at, 0, r.channel);
        ELSIF r.outcome = 'REPEAT' THEN
            INSERT INTO lawang_visit (ticket_id, visitor_ref, site_id, agency_id, role, checked_in, checked_in_nanos,
                                      channel)
                SELECT r.visit_id, p_visitor, r.site_id, r.agency_id, r.role, r.started_at, 0, r.channel
                WHERE NOT EXISTS (SELECT 1 FROM lawang_visit v WHERE v.visitor_ref = p_visitor
                                  AND v.checked_out IS NULL)
                ON CONFLICT DO NOTHING;
        END IF;
        outcome := r.outcome; refused_count := r.refused_count; refused_limit := r.refused_limit;
        visit_id := r.visit_id; site_id := r.site_id; agency_id := r.agency_id; role := r.role;
        started_at := r.started_at; due_at := r.due_at; moved_visit_id := r.moved_visit_id;
        moved_site_id := r.moved_site_id; moved_agency_id := r.moved_agency_id; moved_role := r.moved_role;
        moved_started_at := r.moved_started_at; moved_due_at := r.moved_due_at;
        moved_ended_at := r.moved_ended_at; last_day := r.last_day; channel := r.channel;
        moved_channel := r.moved_channel;
        RETURN NEXT;
    END LOOP;
END
$$;

-- Version 2's functions that return stays, with the stay's channel as a last column.
DROP FUNCTION lawang_expire_visits(varchar, timestamptz, integer);
DROP FUNCTION lawang_expire_stays(varchar, timestamptz, integer);
DROP FUNCTION lawang_check_out(uuid, timestamptz);
DROP FUNCTION lawang_release_stay(uuid, timestamptz);

CREATE FUNCTION lawang_release_stay(p_visit uuid, p_clock timestamptz)
    RETURNS TABLE (visit_id uuid, visitor_ref varchar, site_id varchar, agency_id varchar, role varchar,
                   started_at timestamptz, due_at timestamptz, ended_at timestamptz, channel varchar)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_visitor varchar;
    v_channel varchar;
BEGIN
    SELECT st.visitor_key, st.channel INTO v_visitor, v_channel FROM lawang_stay st WHERE st.visit_id = p_visit;
    RETURN QUERY SELECT r.visit_id, v_visitor, r.site_id, r.agency_id, r.role, r.started_at, r.due_at, r.ended_at,
                        v_channel
        FROM lawang_release(p_visit, p_clock) r;
END
$$;

CREATE FUNCTION lawang_check_out(p_visit uuid, p_clock timestamptz)
    RETURNS TABLE (visit_id uuid, visitor_ref varchar, site_id varchar, agency_id varchar, role varchar,
                   started_at timestamptz, due_at timestamptz, ended_at timestamptz, had_stay boolean,
                   channel varchar)
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
        channel := r.channel;
        RETURN NEXT;
        RETURN;
    END IF;
    RETURN QUERY
        UPDATE lawang_visit v SET checked_out = greatest(coalesce(p_clock, clock_timestamp()), v.checked_in),
               checked_out_nanos = 0
        WHERE v.ticket_id = p_visit AND v.checked_out IS NULL
        RETURNING v.ticket_id, v.visitor_ref, v.site_id, v.agency_id, v.role, v.checked_in, v.checked_in,
                  v.checked_out, false, v.channel;
END
$$;

CREATE FUNCTION lawang_expire_stays(p_site varchar, p_clock timestamptz, p_batch integer)
    RETURNS TABLE (visit_id uuid, visitor_ref varchar, site_id varchar, agency_id varchar, role varchar,
                   started_at timestamptz, due_at timestamptz, ended_at timestamptz, channel varchar)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
    PERFORM lawang_lock_site(p_site);
    RETURN QUERY
    WITH visitors AS MATERIALIZED (
        SELECT st.visit_id, st.visitor_key, st.channel FROM lawang_stay st WHERE st.site_id = p_site
    ), gone AS MATERIALIZED (
        SELECT * FROM lawang_expire_site(p_site, p_clock, p_batch)
    )
    SELECT g.visit_id, w.visitor_key, g.site_id, g.agency_id, g.role, g.started_at, g.due_at, g.ended_at, w.channel
    FROM gone g JOIN visitors w ON w.visit_id = g.visit_id;
END
$$;

CREATE FUNCTION lawang_expire_visits(p_site varchar, p_clock timestamptz, p_batch integer)
    RETURNS TABLE (visit_id uuid, visitor_ref varchar, site_id varchar, agency_id varchar, role varchar,
                   started_at timestamptz, due_at timestamptz, ended_at timestamptz, channel varchar)
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
    SELECT g.visit_id, g.visitor_ref, g.site_id, g.agency_id, g.role, g.started_at, g.due_at, g.ended_at, g.channel
    FROM gone g;
END
$$;

-- Version 2's recovery; a stay given its missing visit passes its channel on.
CREATE OR REPLACE FUNCTION lawang_recover(p_clock timestamptz, p_before timestamptz,
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
            INSERT INTO lawang_visit (ticket_id, visitor_ref, site_id, agency_id, role, checked_in, checked_in_nanos,
                                      channel)
                VALUES (s.visit_id, s.visitor_key, s.site_id, s.agency_id, s.role, s.started_at, 0, s.channel);
            visits_opened := visits_opened + 1;
        END IF;
    END LOOP;
END
$$;

INSERT INTO lawang_schema_version (version) VALUES (6);
