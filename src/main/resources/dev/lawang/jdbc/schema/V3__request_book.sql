-- Lawang, schema version 3: the book of code requests (dev.lawang.jdbc.JdbcRequestStore), one for every office of
-- a ministry, shared by every application instance.
--
-- Concurrency rule: a request gets its id under the transaction-level advisory lock 0x4C6177616E6752 ("LawangR"),
-- so ids are dense and in submission order; a step is recorded by an UPDATE that names the number of steps it
-- read ("steps = n"), so two instances stepping the same request at once record one step and the other finds
-- nothing to update. The open cover table refuses two open requests asking for the same agency at a site.

-- One row per request: the request as submitted and where it stands now.
CREATE TABLE lawang_request (
    request_id      bigint           PRIMARY KEY CHECK (request_id >= 1),
    requester       varchar(64)      NOT NULL,
    site_id         varchar(64)      NOT NULL,
    covered         varchar(64)[]    NOT NULL,
    latitude        double precision NOT NULL,
    longitude       double precision NOT NULL,
    staff_users     integer          NOT NULL,
    expected_guests integer          NOT NULL,
    photos          text[]           NOT NULL,
    contact         text             NOT NULL,
    notes           text             NOT NULL,
    state           varchar(9)       NOT NULL CHECK (state IN ('SUBMITTED', 'APPROVED', 'ISSUED', 'REJECTED')),
    steps           integer          NOT NULL CHECK (steps >= 1),
    rejection_reason text,
    code_id         varchar(32),
    code_issued_at  timestamptz,
    code_valid_from timestamptz,
    code_valid_until timestamptz,
    code_text       text,
    CHECK ((state = 'REJECTED') = (rejection_reason IS NOT NULL)),
    CHECK ((state = 'ISSUED') = (code_text IS NOT NULL))
);

CREATE INDEX lawang_request_open_at_site ON lawang_request (site_id) WHERE state IN ('SUBMITTED', 'APPROVED');

-- Every step of every request; seq orders the steps as they were recorded.
CREATE TABLE lawang_request_step (
    seq        bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id bigint       NOT NULL REFERENCES lawang_request,
    step       integer      NOT NULL CHECK (step >= 0),
    state      varchar(9)   NOT NULL CHECK (state IN ('SUBMITTED', 'APPROVED', 'ISSUED', 'REJECTED')),
    at         timestamptz  NOT NULL,
    at_nanos   smallint     NOT NULL CHECK (at_nanos BETWEEN 0 AND 999),
    actor      varchar(100) NOT NULL,
    UNIQUE (request_id, step)
);

-- The agencies that open requests ask to cover, one row each: the primary key refuses a duplicate request.
CREATE TABLE lawang_request_open_cover (
    site_id    varchar(64) NOT NULL,
    agency_id  varchar(64) NOT NULL,
    request_id bigint      NOT NULL REFERENCES lawang_request,
    PRIMARY KEY (site_id, agency_id)
);

CREATE INDEX lawang_request_open_cover_request ON lawang_request_open_cover (request_id);

INSERT INTO lawang_schema_version (version) VALUES (3);
