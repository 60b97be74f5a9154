-- Lawang, schema version 1: the shared occupancy ledger and the visit log (dev.lawang.jdbc).
--
-- Apply it once to the database (into the first schema on the search_path of the connecting user), either with
-- your migration tool or with dev.lawang.jdbc.JdbcSchema.create(DataSource), which applies it only if
-- lawang_schema_version does not exist yet. Every object is named lawang_*.
--
-- Concurrency rule: every change to a site's counts or stays first locks that site's row in lawang_site; when two
-- sites are involved (a visitor moving), the rows are locked in ascending site_id order. Counters are changed only
-- by conditional updates ("present < limit" inside the UPDATE), never by reading a value and writing it back.

CREATE TABLE lawang_schema_version (
    version    integer     PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- A role mask has bit 1 for STAFF and bit 2 for GUEST. This counts the people of the roles a limit counts.
CREATE FUNCTION lawang_count(p_staff bigint, p_guest bigint, p_mask integer) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS 'SELECT CASE WHEN p_mask & 1 <> 0 THEN p_staff ELSE 0 END + CASE WHEN p_mask & 2 <> 0 THEN p_guest ELSE 0 END';

-- One row per site: the people present by role, and the latest instant and local day the ledger used there (time
-- and days never run backwards at a site, even if a clock or the site's zone does). The row lock orders all work
-- at the site.
CREATE TABLE lawang_site (
    site_id       varchar(64) PRIMARY KEY,
    present_staff integer     NOT NULL DEFAULT 0 CHECK (present_staff >= 0),
    present_guest integer     NOT NULL DEFAULT 0 CHECK (present_guest >= 0),
    last_at       timestamptz NOT NULL DEFAULT '-infinity',
    last_day      date
);

-- People present by role for one agency at a site.
CREATE TABLE lawang_agency (
    site_id       varchar(64) NOT NULL REFERENCES lawang_site,
    agency_id     varchar(64) NOT NULL,
    present_staff integer     NOT NULL DEFAULT 0 CHECK (present_staff >= 0),
    present_guest integer     NOT NULL DEFAULT 0 CHECK (present_guest >= 0),
    PRIMARY KEY (site_id, agency_id)
);

-- Admissions by role per local calendar day of the site, for the whole site (agency_id = '') and per agency.
-- Rows of past days are history only; delete them when they are no longer wanted.
CREATE TABLE lawang_admitted (
    site_id        varchar(64) NOT NULL REFERENCES lawang_site,
    day            date        NOT NULL,
    agency_id      varchar(64) NOT NULL,
    admitted_staff bigint      NOT NULL DEFAULT 0 CHECK (admitted_staff >= 0),
    admitted_guest bigint      NOT NULL DEFAULT 0 CHECK (admitted_guest >= 0),
    PRIMARY KEY (site_id, day, agency_id)
);

-- The open visits the ledger counts: one per visitor key (a pseudonym chosen by the host, never a raw id).
-- A visit is deleted when it closes; the visit log keeps the history.
CREATE TABLE lawang_stay (
    visit_id    uuid         PRIMARY KEY,
    visitor_key varchar(256) NOT NULL UNIQUE,
    site_id     varchar(64)  NOT NULL REFERENCES lawang_site,
    agency_id   varchar(64)  NOT NULL,
    role        varchar(8)   NOT NULL CHECK (role IN ('STAFF', 'GUEST')),
    started_at  timestamptz  NOT NULL,
    due_at      timestamptz  NOT NULL,
    CHECK (due_at >= started_at)
);
CREATE INDEX lawang_stay_due ON lawang_stay (due_at);
CREATE INDEX lawang_stay_site_due ON lawang_stay (site_id, due_at);

-- Locks a site's row, creating it on first use, and returns the latest instant and local day used there.
-- p_by_update takes the lock by an update that changes nothing instead of SELECT ... FOR UPDATE. Admissions ask for
-- it: lawang_admit updates the row again inside its exception block (a subtransaction), and a row locked FOR UPDATE
-- by the transaction and then updated by its subtransaction needs a MultiXact to remember both; at many admissions a
-- second those use up MultiXact space and bring on extra vacuum work, while the update leaves a row version that
-- pruning reclaims. Releases and expiry update the row in the same transaction, where FOR UPDATE costs nothing more.
CREATE FUNCTION lawang_lock_site(p_site varchar, p_by_update boolean DEFAULT false,
    OUT last_at timestamptz, OUT last_day date)
    LANGUAGE plpgsql AS $$
BEGIN
    FOR attempt IN 1..2 LOOP
        IF p_by_update THEN
            UPDATE lawang_site s SET last_at = s.last_at WHERE s.site_id = p_site
                RETURNING s.last_at, s.last_day INTO last_at, last_day;
        ELSE
            SELECT s.last_at, s.last_day INTO last_at, last_day FROM lawang_site s WHERE s.site_id = p_site
                FOR UPDATE;
        END IF;
        EXIT WHEN FOUND;
        INSERT INTO lawang_site (site_id) VALUES (p_site) ON CONFLICT (site_id) DO NOTHING;
    END LOOP;
END
$$;

-- Locks the row of p_site and, if p_other is another site (where the visitor has an open visit), that row too, in
-- site_id order. Returns the latest instant used at either site and p_site's last local day.
CREATE FUNCTION lawang_lock_visitor_sites(p_site varchar, p_other varchar,
    OUT other_site varchar, OUT last_at timestamptz, OUT last_day date)
    LANGUAGE plpgsql AS $$
DECLARE
    v_other_at timestamptz;
BEGIN
    other_site := CASE WHEN p_other = p_site THEN NULL ELSE p_other END;
    IF other_site IS NOT NULL AND other_site < p_site THEN
        v_other_at := (lawang_lock_site(other_site, true)).last_at;
    END IF;
    SELECT l.last_at, l.last_day INTO last_at, last_day FROM lawang_lock_site(p_site, true) l;
    IF other_site IS NOT NULL AND other_site > p_site THEN
        v_other_at := (lawang_lock_site(other_site, true)).last_at;
    END IF;
    last_at := greatest(last_at, v_other_at);
END
$$;

-- Raises a day's admissions counter if the quota allows; returns a row if it did, none if the quota is reached.
-- The caller holds the site's row lock.
CREATE FUNCTION lawang_count_admission(p_site varchar, p_day date, p_agency varchar, p_staff integer,
    p_guest integer, p_bit integer, p_quota integer, p_mask integer) RETURNS SETOF integer
    LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY UPDATE lawang_admitted d
        SET admitted_staff = d.admitted_staff + p_staff, admitted_guest = d.admitted_guest + p_guest
        WHERE d.site_id = p_site AND d.day = p_day AND d.agency_id = p_agency
          AND (p_quota IS NULL OR p_mask & p_bit = 0
               OR lawang_count(d.admitted_staff, d.admitted_guest, p_mask) < p_quota)
        RETURNING 1;
    IF NOT FOUND THEN
        INSERT INTO lawang_admitted AS d (site_id, day, agency_id) VALUES (p_site, p_day, p_agency)
            ON CONFLICT ON CONSTRAINT lawang_admitted_pkey DO NOTHING;
        RETURN QUERY UPDATE lawang_admitted d
            SET admitted_staff = d.admitted_staff + p_staff, admitted_guest = d.admitted_guest + p_guest
            WHERE d.site_id = p_site AND d.day = p_day AND d.agency_id = p_agency
              AND (p_quota IS NULL OR p_mask & p_bit = 0
                   OR lawang_count(d.admitted_staff, d.admitted_guest, p_mask) < p_quota)
            RETURNING 1;
    END IF;
END
$$;

-- Admits a visitor under the limits the caller computed for the site's local day p_day, which runs from p_day_start
-- (inclusive) to p_day_end (exclusive); the caller converts days with its own time-zone rules. The day is the later
-- of the instant's day and the site's last_day. A NULL limit means
-- none; masks as above. p_clock is the ledger's instant, read by the caller after it locked the sites with
-- lawang_lock_visitor_sites in the same transaction, or NULL to read clock_timestamp() once the locks are held.
--
-- Outcomes: ADMITTED, REPEAT (the visit is already open: nothing counted), SITE_FULL, AGENCY_FULL,
-- SITE_QUOTA_REACHED, AGENCY_QUOTA_REACHED (with the count and limit that refused: nothing counted, the visitor's
-- open visit elsewhere left open), OTHER_DAY (p_day is not the day: roll back and call again for the later of the
-- day of the instant returned as started_at and the last_day returned), ID_IN_USE (the visit id is open with another visitor, site, agency or
-- role: roll back). A visitor's open visit elsewhere is closed in the same step and returned as moved_*. Every
-- outcome but OTHER_DAY and ID_IN_USE records the instant as the latest one used at the sites; commit them.
CREATE FUNCTION lawang_admit(
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
DECLARE
    v_day     date;
    v_bit     integer := CASE p_role WHEN 'STAFF' THEN 1 ELSE 2 END;
    v_staff   integer := CASE p_role WHEN 'STAFF' THEN 1 ELSE 0 END;
    v_guest   integer := CASE p_role WHEN 'STAFF' THEN 0 ELSE 1 END;
    v_same    lawang_stay%ROWTYPE;
    v_prev    lawang_stay%ROWTYPE;
    v_locks   record;
    v_other   varchar;
    v_now     timestamptz;
    v_due     timestamptz;
    v_outcome text;
    v_count   bigint;
    v_limit   integer;
BEGIN
    -- A retry of a request whose reply was lost finds its visit open.
    SELECT * INTO v_same FROM lawang_stay s WHERE s.visit_id = p_visit;
    IF FOUND THEN
        IF v_same.visitor_key = p_visitor AND v_same.site_id = p_site AND v_same.agency_id = p_agency
                AND v_same.role = p_role THEN
            RETURN QUERY SELECT 'REPEAT', NULL::bigint, NULL::integer, v_same.visit_id, v_same.site_id,
                v_same.agency_id, v_same.role, v_same.started_at, v_same.due_at, NULL::uuid, NULL::varchar,
                NULL::varchar, NULL::varchar, NULL::timestamptz, NULL::timestamptz, NULL::timestamptz, NULL::date;
        ELSE
            RETURN QUERY SELECT 'ID_IN_USE', NULL::bigint, NULL::integer, NULL::uuid, NULL::varchar,
                NULL::varchar, NULL::varchar, NULL::timestamptz, NULL::timestamptz, NULL::uuid, NULL::varchar,
                NULL::varchar, NULL::varchar, NULL::timestamptz, NULL::timestamptz, NULL::timestamptz, NULL::date;
        END IF;
        RETURN;
    END IF;

    SELECT * INTO v_prev FROM lawang_stay s WHERE s.visitor_key = p_visitor;
    SELECT * INTO v_locks FROM lawang_lock_visitor_sites(p_site, v_prev.site_id);
    -- Under the locks the visitor's open visit can no longer change, unless it moved to a third site meanwhile
    -- (then the caller retries). A visit opened elsewhere meanwhile makes the INSERT of the new stay fail on the
    -- unique visitor key, which the caller retries too.
    v_other := v_prev.site_id;
    SELECT * INTO v_prev FROM lawang_stay s WHERE s.visitor_key = p_visitor;
    IF FOUND AND v_prev.site_id <> p_site AND v_prev.site_id IS DISTINCT FROM v_other THEN
        RAISE EXCEPTION 'the visitor moved during admission' USING ERRCODE = 'serialization_failure';
    END IF;

    v_now := greatest(coalesce(p_clock, clock_timestamp()), v_locks.last_at);
    v_day := v_locks.last_day;
    IF v_now >= p_day_end OR p_day < coalesce(v_day, p_day)
            OR (v_now < p_day_start AND p_day IS DISTINCT FROM v_day) THEN
        RETURN QUERY SELECT 'OTHER_DAY', NULL::bigint, NULL::integer, NULL::uuid, NULL::varchar,
            NULL::varchar, NULL::varchar, v_now, NULL::timestamptz, NULL::uuid, NULL::varchar,
            NULL::varchar, NULL::varchar, NULL::timestamptz, NULL::timestamptz, NULL::timestamptz, v_day;
        RETURN;
    END IF;
    IF v_prev.visit_id IS NOT NULL AND v_prev.site_id = p_site AND v_prev.agency_id = p_agency THEN
        -- Only the site's latest instant and day change, which need no durability: do not wait for the disk.
        UPDATE lawang_site s SET last_at = v_now,
                last_day = CASE WHEN s.site_id = p_site THEN p_day ELSE s.last_day END
            WHERE s.site_id IN (p_site, v_locks.other_site);
        PERFORM set_config('synchronous_commit', 'off', true);
        RETURN QUERY SELECT 'REPEAT', NULL::bigint, NULL::integer, v_prev.visit_id, v_prev.site_id,
            v_prev.agency_id, v_prev.role, v_prev.started_at, v_prev.due_at, NULL::uuid, NULL::varchar,
            NULL::varchar, NULL::varchar, NULL::timestamptz, NULL::timestamptz, NULL::timestamptz, NULL::date;
        RETURN;
    END IF;

    v_due := v_now + p_stay_micros * interval '1 microsecond';
    v_outcome := 'ADMITTED';
    -- A refusal raises LW001 to undo this block (the move and any counter already raised) but not the instant.
    BEGIN
        IF v_prev.visit_id IS NOT NULL THEN
            -- Close the visit elsewhere first, so that a move within the site frees its place.
            DELETE FROM lawang_stay s WHERE s.visit_id = v_prev.visit_id;
            UPDATE lawang_site s
                SET present_staff = s.present_staff - CASE v_prev.role WHEN 'STAFF' THEN 1 ELSE 0 END,
                    present_guest = s.present_guest - CASE v_prev.role WHEN 'STAFF' THEN 0 ELSE 1 END,
                    last_at = v_now
                WHERE s.site_id = v_prev.site_id;
            UPDATE lawang_agency a
                SET present_staff = a.present_staff - CASE v_prev.role WHEN 'STAFF' THEN 1 ELSE 0 END,
                    present_guest = a.present_guest - CASE v_prev.role WHEN 'STAFF' THEN 0 ELSE 1 END
                WHERE a.site_id = v_prev.site_id AND a.agency_id = v_prev.agency_id;
        END IF;

        UPDATE lawang_site s
            SET present_staff = s.present_staff + v_staff, present_guest = s.present_guest + v_guest,
                last_at = v_now, last_day = p_day
            WHERE s.site_id = p_site
              AND (p_site_limit IS NULL OR p_site_mask & v_bit = 0
                   OR lawang_count(s.present_staff, s.present_guest, p_site_mask) < p_site_limit);
        IF NOT FOUND THEN
            v_outcome := 'SITE_FULL';
            RAISE EXCEPTION USING ERRCODE = 'LW001';
        END IF;

        -- Counter rows are created on first use; under the site's lock nobody else can create them meanwhile.
        UPDATE lawang_agency a
            SET present_staff = a.present_staff + v_staff, present_guest = a.present_guest + v_guest
            WHERE a.site_id = p_site AND a.agency_id = p_agency
              AND (p_agency_limit IS NULL OR p_agency_mask & v_bit = 0
                   OR lawang_count(a.present_staff, a.present_guest, p_agency_mask) < p_agency_limit);
        IF NOT FOUND THEN
            INSERT INTO lawang_agency AS a (site_id, agency_id) VALUES (p_site, p_agency)
                ON CONFLICT ON CONSTRAINT lawang_agency_pkey DO NOTHING;
            UPDATE lawang_agency a
                SET present_staff = a.present_staff + v_staff, present_guest = a.present_guest + v_guest
                WHERE a.site_id = p_site AND a.agency_id = p_agency
                  AND (p_agency_limit IS NULL OR p_agency_mask & v_bit = 0
                       OR lawang_count(a.present_staff, a.present_guest, p_agency_mask) < p_agency_limit);
            IF NOT FOUND THEN
                v_outcome := 'AGENCY_FULL';
                RAISE EXCEPTION USING ERRCODE = 'LW001';
            END IF;
        END IF;

        PERFORM lawang_count_admission(p_site, p_day, '', v_staff, v_guest, v_bit, p_site_quota, p_site_quota_mask);
        IF NOT FOUND THEN
            v_outcome := 'SITE_QUOTA_REACHED';
            RAISE EXCEPTION USING ERRCODE = 'LW001';
        END IF;
        PERFORM lawang_count_admission(p_site, p_day, p_agency, v_staff, v_guest, v_bit, p_agency_quota,
            p_agency_quota_mask);
        IF NOT FOUND THEN
            v_outcome := 'AGENCY_QUOTA_REACHED';
            RAISE EXCEPTION USING ERRCODE = 'LW001';
        END IF;

        INSERT INTO lawang_stay VALUES (p_visit, p_visitor, p_site, p_agency, p_role, v_now, v_due);
    EXCEPTION WHEN SQLSTATE 'LW001' THEN
        -- The block is undone: the counts are those the request saw before any move, as the refusal reports them.
        -- The refusal records only the sites' latest instant and day, which need no durability: do not wait for
        -- the disk, so that refusals at a full site release its lock at once.
        UPDATE lawang_site s SET last_at = v_now,
                last_day = CASE WHEN s.site_id = p_site THEN p_day ELSE s.last_day END
            WHERE s.site_id IN (p_site, v_locks.other_site);
        PERFORM set_config('synchronous_commit', 'off', true);
        IF v_outcome = 'SITE_FULL' THEN
            SELECT lawang_count(s.present_staff, s.present_guest, p_site_mask), p_site_limit INTO v_count, v_limit
                FROM lawang_site s WHERE s.site_id = p_site;
        ELSIF v_outcome = 'AGENCY_FULL' THEN
            SELECT lawang_count(a.present_staff, a.present_guest, p_agency_mask), p_agency_limit
                INTO v_count, v_limit FROM lawang_agency a WHERE a.site_id = p_site AND a.agency_id = p_agency;
            v_count := coalesce(v_count, 0);
        ELSIF v_outcome = 'SITE_QUOTA_REACHED' THEN
            SELECT lawang_count(d.admitted_staff, d.admitted_guest, p_site_quota_mask), p_site_quota
                INTO v_count, v_limit FROM lawang_admitted d
                WHERE d.site_id = p_site AND d.day = p_day AND d.agency_id = '';
            v_count := coalesce(v_count, 0);
        ELSE
            SELECT lawang_count(d.admitted_staff, d.admitted_guest, p_agency_quota_mask), p_agency_quota
                INTO v_count, v_limit FROM lawang_admitted d
                WHERE d.site_id = p_site AND d.day = p_day AND d.agency_id = p_agency;
            v_count := coalesce(v_count, 0);
        END IF;
        v_limit := CASE v_outcome WHEN 'SITE_FULL' THEN p_site_limit WHEN 'AGENCY_FULL' THEN p_agency_limit
            WHEN 'SITE_QUOTA_REACHED' THEN p_site_quota ELSE p_agency_quota END;
        RETURN QUERY SELECT v_outcome, v_count, v_limit, NULL::uuid, NULL::varchar, NULL::varchar,
            NULL::varchar, NULL::timestamptz, NULL::timestamptz, NULL::uuid, NULL::varchar, NULL::varchar,
            NULL::varchar, NULL::timestamptz, NULL::timestamptz, NULL::timestamptz, NULL::date;
        RETURN;
    END;
    RETURN QUERY SELECT 'ADMITTED', NULL::bigint, NULL::integer, p_visit, p_site, p_agency, p_role, v_now, v_due,
        v_prev.visit_id, v_prev.site_id, v_prev.agency_id, v_prev.role, v_prev.started_at, v_prev.due_at,
        CASE WHEN v_prev.visit_id IS NULL THEN NULL ELSE greatest(v_now, v_prev.started_at) END, p_day;
END
$$;

-- Closes one open visit: the visitor checked out. Returns the closed visit, or no row if none was open.
CREATE FUNCTION lawang_release(p_visit uuid, p_clock timestamptz)
    RETURNS TABLE (visit_id uuid, site_id varchar, agency_id varchar, role varchar, started_at timestamptz,
                   due_at timestamptz, ended_at timestamptz)
    LANGUAGE plpgsql AS $$
DECLARE
    v_site varchar;
    v_now  timestamptz;
    v_stay lawang_stay%ROWTYPE;
BEGIN
    SELECT s.site_id INTO v_site FROM lawang_stay s WHERE s.visit_id = p_visit;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    v_now := greatest(coalesce(p_clock, clock_timestamp()), (lawang_lock_site(v_site)).last_at);
    DELETE FROM lawang_stay s WHERE s.visit_id = p_visit RETURNING * INTO v_stay;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    UPDATE lawang_site s
        SET present_staff = s.present_staff - CASE v_stay.role WHEN 'STAFF' THEN 1 ELSE 0 END,
            present_guest = s.present_guest - CASE v_stay.role WHEN 'STAFF' THEN 0 ELSE 1 END,
            last_at = v_now
        WHERE s.site_id = v_site;
    UPDATE lawang_agency a
        SET present_staff = a.present_staff - CASE v_stay.role WHEN 'STAFF' THEN 1 ELSE 0 END,
            present_guest = a.present_guest - CASE v_stay.role WHEN 'STAFF' THEN 0 ELSE 1 END
        WHERE a.site_id = v_site AND a.agency_id = v_stay.agency_id;
    RETURN QUERY SELECT v_stay.visit_id, v_stay.site_id, v_stay.agency_id, v_stay.role, v_stay.started_at,
        v_stay.due_at, greatest(v_now, v_stay.started_at);
END
$$;

-- Closes up to p_batch open visits at one site whose stay has run out, oldest first. Rows another transaction
-- holds are skipped (they are being closed); call again while it returns p_batch rows.
CREATE FUNCTION lawang_expire_site(p_site varchar, p_clock timestamptz, p_batch integer)
    RETURNS TABLE (visit_id uuid, site_id varchar, agency_id varchar, role varchar, started_at timestamptz,
                   due_at timestamptz, ended_at timestamptz)
    LANGUAGE plpgsql AS $$
DECLARE
    v_now timestamptz;
BEGIN
    v_now := greatest(coalesce(p_clock, clock_timestamp()), (lawang_lock_site(p_site)).last_at);
    RETURN QUERY
    WITH gone AS (
        DELETE FROM lawang_stay s
        WHERE s.visit_id IN (SELECT d.visit_id FROM lawang_stay d
                             WHERE d.site_id = p_site AND d.due_at <= v_now
                             ORDER BY d.due_at LIMIT p_batch FOR UPDATE SKIP LOCKED)
        RETURNING s.*
    ), by_agency AS (
        UPDATE lawang_agency a
        SET present_staff = a.present_staff - g.staff, present_guest = a.present_guest - g.guest
        FROM (SELECT gone.agency_id, count(*) FILTER (WHERE gone.role = 'STAFF') AS staff,
                     count(*) FILTER (WHERE gone.role = 'GUEST') AS guest
              FROM gone GROUP BY gone.agency_id) g
        WHERE a.site_id = p_site AND a.agency_id = g.agency_id
    ), by_site AS (
        UPDATE lawang_site s
        SET present_staff = s.present_staff - (SELECT count(*) FROM gone WHERE gone.role = 'STAFF'),
            present_guest = s.present_guest - (SELECT count(*) FROM gone WHERE gone.role = 'GUEST'),
            last_at = v_now
        WHERE s.site_id = p_site
    )
    SELECT gone.visit_id, gone.site_id, gone.agency_id, gone.role, gone.started_at, gone.due_at,
           greatest(v_now, gone.started_at)
    FROM gone;
END
$$;

-- The visit log: every visit, open or closed, until the retention job purges it. Instants are kept to the
-- nanosecond: a timestamp to the microsecond for queries plus the remaining nanoseconds (0 to 999).
CREATE TABLE lawang_visit (
    ticket_id        uuid         PRIMARY KEY,
    visitor_ref      varchar(256) NOT NULL,
    site_id          varchar(64)  NOT NULL,
    agency_id        varchar(64)  NOT NULL,
    role             varchar(8)   NOT NULL CHECK (role IN ('STAFF', 'GUEST')),
    checked_in       timestamptz  NOT NULL,
    checked_in_nanos smallint     NOT NULL CHECK (checked_in_nanos BETWEEN 0 AND 999),
    checked_out      timestamptz,
    checked_out_nanos smallint    CHECK (checked_out_nanos BETWEEN 0 AND 999),
    CHECK ((checked_out IS NULL) = (checked_out_nanos IS NULL)),
    CHECK (checked_out IS NULL OR (checked_out, checked_out_nanos) >= (checked_in, checked_in_nanos))
);
-- One open visit per visitor.
CREATE UNIQUE INDEX lawang_visit_open_visitor ON lawang_visit (visitor_ref) WHERE checked_out IS NULL;
CREATE INDEX lawang_visit_visitor ON lawang_visit (visitor_ref, checked_in);
CREATE INDEX lawang_visit_site ON lawang_visit (site_id, checked_in);
CREATE INDEX lawang_visit_closed ON lawang_visit (checked_out) WHERE checked_out IS NOT NULL;

INSERT INTO lawang_schema_version (version) VALUES (1);
