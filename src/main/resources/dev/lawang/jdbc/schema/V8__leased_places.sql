-- Lawang, schema version 8: a kiosk's leased places (placeholder stays, entry channel LEASED) give their place in
-- the day's quota back when they run out unused, as they do when given back (lawang_release_unused).
--
-- A LEASED stay keeps the end of the local day its admission counts against (quota_until); when it expires before
-- then, the day's count drops by one. The day's end is the one the admission was checked against (p_day_end), so no
-- time zone is needed at expiry. Instances of version 7 cannot admit a LEASED stay (their lawang_admit_via refuses
-- the channel) and read every other row as before.

ALTER TABLE lawang_stay DROP CONSTRAINT lawang_stay_channel_check;
ALTER TABLE lawang_stay ADD CONSTRAINT lawang_stay_channel_check
    CHECK (channel IN ('PRINTED_CODE', 'ROTATING_CODE', 'REGISTERED_FOREIGN_CODE', 'WALK_IN', 'LEASED'));
ALTER TABLE lawang_visit DROP CONSTRAINT lawang_visit_channel_check;
ALTER TABLE lawang_visit ADD CONSTRAINT lawang_visit_channel_check
    CHECK (channel IN ('PRINTED_CODE', 'ROTATING_CODE', 'REGISTERED_FOREIGN_CODE', 'WALK_IN', 'LEASED'));
ALTER TABLE lawang_stay ADD COLUMN quota_until timestamptz;

-- Version 6's lawang_admit_via, which also takes LEASED and gives a LEASED stay its quota_until.
CREATE OR REPLACE FUNCTION lawang_admit_via(
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
    IF p_channel IS NULL
            OR p_channel NOT IN ('PRINTED_CODE', 'ROTATING_CODE', 'REGISTERED_FOREIGN_CODE', 'WALK_IN', 'LEASED') THEN
        RAISE EXCEPTION 'unknown entry channel' USING ERRCODE = '22023';
    END IF;
    SELECT st.visit_id, st.channel INTO v_prev_id, v_prev_channel FROM lawang_stay st WHERE st.visitor_key = p_visitor;
    FOR r IN SELECT * FROM lawang_admit(p_visit, p_visitor, p_site, p_agency, p_role, p_clock, p_day, p_day_start,
            p_day_end, p_stay_micros, p_site_limit, p_site_mask, p_agency_limit, p_agency_mask, p_site_quota,
            p_site_quota_mask, p_agency_quota, p_agency_quota_mask) LOOP
        channel := NULL;
        IF r.outcome = 'ADMITTED' THEN
            UPDATE lawang_stay st SET channel = p_channel,
                    quota_until = CASE WHEN p_channel = 'LEASED' THEN p_day_end END
                WHERE st.visit_id = r.visit_id;
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

-- Version 6's lawang_expire_stays (and through it lawang_expire_visits), which also takes the admission of every
-- LEASED stay that runs out before its day ends off that day's count. Under the site's row lock, taken first.
CREATE OR REPLACE FUNCTION lawang_expire_stays(p_site varchar, p_clock timestamptz, p_batch integer)
    RETURNS TABLE (visit_id uuid, visitor_ref varchar, site_id varchar, agency_id varchar, role varchar,
                   started_at timestamptz, due_at timestamptz, ended_at timestamptz, channel varchar)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    g record;
    v_day date;
BEGIN
    v_day := (lawang_lock_site(p_site)).last_day;
    FOR g IN
        WITH visitors AS MATERIALIZED (
            SELECT st.visit_id, st.visitor_key, st.channel, st.quota_until FROM lawang_stay st
            WHERE st.site_id = p_site
        ), gone AS MATERIALIZED (
            SELECT * FROM lawang_expire_site(p_site, p_clock, p_batch)
        )
        SELECT x.visit_id, w.visitor_key, x.site_id, x.agency_id, x.role, x.started_at, x.due_at, x.ended_at,
               w.channel, w.quota_until
        FROM gone x JOIN visitors w ON w.visit_id = x.visit_id
    LOOP
        IF g.channel = 'LEASED' AND g.quota_until IS NOT NULL AND g.ended_at < g.quota_until THEN
            UPDATE lawang_admitted d
                SET admitted_staff = greatest(d.admitted_staff - CASE g.role WHEN 'STAFF' THEN 1 ELSE 0 END, 0),
                    admitted_guest = greatest(d.admitted_guest - CASE g.role WHEN 'STAFF' THEN 0 ELSE 1 END, 0)
                WHERE d.site_id = p_site AND d.day = v_day AND d.agency_id IN ('', g.agency_id);
        END IF;
        visit_id := g.visit_id; visitor_ref := g.visitor_key; site_id := g.site_id; agency_id := g.agency_id;
        role := g.role; started_at := g.started_at; due_at := g.due_at; ended_at := g.ended_at;
        channel := g.channel;
        RETURN NEXT;
    END LOOP;
END
$$;

INSERT INTO lawang_schema_version (version) VALUES (8);
