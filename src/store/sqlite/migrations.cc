#include "store/sqlite/migrations.h"

#include <array>
#include <cassert>
#include <string>

#include "store/sqlite/transaction.h"

namespace store::sqlite {
namespace {

// Lists are stored joined: states' languages by ';' (ISO 639 codes), parties' aliases by '|'.
// Lok Sabha votes refer to seats and assembly votes to segments by (state_code, number), so
// `number` has no foreign key of its own.
constexpr std::string_view kReferenceData = R"sql(
CREATE TABLE states (
  code TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  abbr TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('state', 'ut')),
  seat_count INTEGER NOT NULL DEFAULT 0,
  segment_count INTEGER NOT NULL DEFAULT 0,
  has_assembly INTEGER NOT NULL DEFAULT 0 CHECK (has_assembly IN (0, 1)),
  official_languages TEXT NOT NULL DEFAULT '',
  additional_languages TEXT NOT NULL DEFAULT ''
);

CREATE TABLE seats (
  state_code TEXT NOT NULL REFERENCES states(code),
  number INTEGER NOT NULL,
  name TEXT NOT NULL,
  name_hi TEXT NOT NULL DEFAULT '',
  reservation TEXT NOT NULL,
  PRIMARY KEY (state_code, number)
) WITHOUT ROWID;

CREATE TABLE segments (
  state_code TEXT NOT NULL REFERENCES states(code),
  number INTEGER NOT NULL,
  name TEXT NOT NULL,
  reservation TEXT NOT NULL,
  seat_number INTEGER NOT NULL,
  electors_2014 INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (state_code, number),
  FOREIGN KEY (state_code, seat_number) REFERENCES seats(state_code, number)
) WITHOUT ROWID;

CREATE TABLE parties (
  code TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  ls2014_name TEXT NOT NULL DEFAULT '',
  aliases TEXT NOT NULL DEFAULT ''
);

CREATE TABLE elections (
  id TEXT NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('lok_sabha', 'assembly')),
  year INTEGER NOT NULL,
  states TEXT NOT NULL DEFAULT ''  -- ';'-joined codes of the states with results, derived
);

CREATE TABLE votes (
  election TEXT NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
  state_code TEXT NOT NULL REFERENCES states(code),
  number INTEGER NOT NULL,
  position INTEGER NOT NULL,
  candidate TEXT NOT NULL,
  party TEXT NOT NULL,
  votes INTEGER NOT NULL CHECK (votes >= 0),
  PRIMARY KEY (election, state_code, number, position)
) WITHOUT ROWID;

-- Derived from votes when an election is written: one row per constituency with the
-- candidates' parties and votes packed, most votes first (see tally_codec.h), so that the
-- seat analysis reads a few thousand rows instead of every candidate.
CREATE TABLE tallies (
  election TEXT NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
  state_code TEXT NOT NULL,
  number INTEGER NOT NULL,
  votes_counted INTEGER NOT NULL,
  candidates TEXT NOT NULL,
  PRIMARY KEY (election, state_code, number)
) WITHOUT ROWID;
)sql";

// Times are microseconds since 1970-01-01 UTC.
constexpr std::string_view kCallAttempts = R"sql(
CREATE TABLE call_attempts (
  id INTEGER PRIMARY KEY,
  campaign_id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  number TEXT NOT NULL,
  attempt INTEGER NOT NULL CHECK (attempt >= 1),
  placed_at INTEGER NOT NULL,
  outcome TEXT NOT NULL DEFAULT '',
  ended_at INTEGER,
  disposition TEXT NOT NULL DEFAULT '',
  agent_id TEXT NOT NULL DEFAULT '',
  UNIQUE (campaign_id, contact_id, attempt)
);
)sql";

// A campaign's definition is its file's JSON (docs/json.md), checked before it is written.
// Do-not-call rows are never deleted: an opt-out is permanent. Neither table refers to the
// other, so that an opt-out is kept whatever becomes of its campaign. Times as above.
constexpr std::string_view kCampaigns = R"sql(
CREATE TABLE campaigns (
  id TEXT NOT NULL PRIMARY KEY,
  definition TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE do_not_call (
  campaign_id TEXT NOT NULL,
  number TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  added_at INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, number)
) WITHOUT ROWID;
)sql";

// Call detail records: one row per call, written when it is over and never changed. The
// checks of direction, kind and outcome are store::CheckCallRecord's, in code, so that a new
// outcome needs no rebuilt table. Times as above; NULL when the call never got there. Listing
// is by time, newest first, of every kind or of one: an index for each.
constexpr std::string_view kCallRecords = R"sql(
CREATE TABLE call_records (
  id INTEGER PRIMARY KEY,
  direction TEXT NOT NULL,
  kind TEXT NOT NULL,
  from_number TEXT NOT NULL DEFAULT '',
  to_number TEXT NOT NULL DEFAULT '',
  campaign_id TEXT NOT NULL DEFAULT '',
  state_code TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  started_at INTEGER NOT NULL,
  answered_at INTEGER,
  connected_at INTEGER,
  ended_at INTEGER,
  agent_id TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL
);

CREATE INDEX call_records_by_time ON call_records (started_at, id);
CREATE INDEX call_records_by_kind_and_time ON call_records (kind, started_at, id);
)sql";

// The agents' roster. Languages and seats are short codes without commas, kept comma-joined
// (the order of languages matters: the best first).
constexpr std::string_view kAgents = R"sql(
CREATE TABLE agents (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  languages TEXT NOT NULL,
  state_code TEXT NOT NULL,
  seats TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL,
  added_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// Voice broadcast: the answers to press-1 questions (one per number, question and campaign: a
// later answer replaces the earlier), and the prompts campaigns upload, as 8 kHz µ-law bytes
// checked before they are written. Neither refers to campaigns, like do_not_call. Times as
// above.
constexpr std::string_view kBroadcast = R"sql(
CREATE TABLE broadcast_answers (
  campaign_id TEXT NOT NULL,
  number TEXT NOT NULL,
  question_id TEXT NOT NULL,
  digit TEXT NOT NULL CHECK (length(digit) = 1 AND digit BETWEEN '1' AND '9'),
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, number, question_id)
) WITHOUT ROWID;

CREATE TABLE campaign_prompts (
  campaign_id TEXT NOT NULL,
  name TEXT NOT NULL,
  ulaw BLOB NOT NULL,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, name)
);
)sql";

// Where a call was recorded (docs/json.md, "recording"); '' for a call not recorded, which is
// every call written before this column existed.
constexpr std::string_view kCallRecordings = R"sql(
ALTER TABLE call_records ADD COLUMN recording TEXT NOT NULL DEFAULT '';
)sql";

// The national DND registry: one row, replaced whole by each load (store::DndRegistryStore).
constexpr std::string_view kDndRegistry = R"sql(
CREATE TABLE dnd_registry (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  source TEXT NOT NULL,
  loaded_at INTEGER NOT NULL,
  numbers INTEGER NOT NULL CHECK (numbers >= 0),
  packed BLOB NOT NULL
);
)sql";

constexpr std::array kMigrations = {
    Migration{1, "reference data", kReferenceData},
    Migration{2, "call attempts", kCallAttempts},
    Migration{3, "campaigns and do-not-call lists", kCampaigns},
    Migration{4, "call detail records", kCallRecords},
    Migration{5, "agents", kAgents},
    Migration{6, "broadcast answers and campaign prompts", kBroadcast},
    Migration{7, "call recordings", kCallRecordings},
    Migration{8, "national DND registry", kDndRegistry},
};

constexpr bool NumberedFromOne(std::span<const Migration> migrations) {
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1) {
      return false;
    }
  }
  return true;
}
static_assert(NumberedFromOne(kMigrations), "migrations are numbered 1, 2, 3, ... in order");

constexpr std::string_view kCreateMigrationsTable = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL
))sql";

base::Status ApplyInTransaction(Connection& connection, const Migration& migration) {
  JS_ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(connection));
  // Another process may have applied it while this one waited for the write lock.
  JS_ASSIGN_OR_RETURN(int current, ReadSchemaVersion(connection));
  if (current >= migration.version) {
    return base::OkStatus();
  }
  JS_RETURN_IF_ERROR(connection.Execute(migration.sql));
  {
    JS_ASSIGN_OR_RETURN(Statement record, connection.Prepare("INSERT INTO schema_migrations "
                                                             "(version, name) VALUES (?, ?)"));
    JS_RETURN_IF_ERROR(record.Run(migration.version, migration.name));
  }
  return transaction.Commit();
}

base::Status Apply(Connection& connection, const Migration& migration) {
  return ApplyInTransaction(connection, migration)
      .WithContext("migration " + std::to_string(migration.version) + " '" +
                   std::string(migration.name) + "'");
}

}  // namespace

std::span<const Migration> KnownMigrations() { return kMigrations; }

int LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

base::Status ApplyMigrations(Connection& connection, std::span<const Migration> migrations) {
  assert(NumberedFromOne(migrations));
  JS_RETURN_IF_ERROR(connection.Execute(kCreateMigrationsTable));
  JS_ASSIGN_OR_RETURN(int current, ReadSchemaVersion(connection));
  int latest = static_cast<int>(migrations.size());
  if (current > latest) {
    return base::Conflict("schema version " + std::to_string(current) +
                          " is newer than this program knows (" + std::to_string(latest) +
                          "); it was written by a newer jansampark, use that one");
  }
  for (const Migration& migration : migrations) {
    if (migration.version > current) {
      JS_RETURN_IF_ERROR(Apply(connection, migration));
    }
  }
  return base::OkStatus();
}

base::Result<int> ReadSchemaVersion(Connection& connection) {
  JS_ASSIGN_OR_RETURN(
      Statement query,
      connection.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  JS_ASSIGN_OR_RETURN(bool row, query.Step());
  if (!row) {
    return base::Internal("schema_migrations: MAX(version) returned no row");
  }
  return query.ColumnInt(0);
}

}  // namespace store::sqlite
