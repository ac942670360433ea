#pragma once

#include <memory>
#include <string>

#include "store/sqlite/connection.h"
#include "store/sqlite/sqlite_agent_store.h"
#include "store/sqlite/sqlite_attempt_store.h"
#include "store/sqlite/sqlite_broadcast_store.h"
#include "store/sqlite/sqlite_call_record_store.h"
#include "store/sqlite/sqlite_campaign_store.h"
#include "store/sqlite/sqlite_dnd_registry_store.h"
#include "store/sqlite/sqlite_do_not_call_store.h"
#include "store/sqlite/sqlite_reference_store.h"
#include "store/sqlite/sqlite_result_store.h"
#include "store/store.h"

namespace store {

// The embedded backend: one SQLite connection in WAL mode with foreign keys enforced, a 5 s
// busy timeout (so that another process's write makes this one wait, not fail) and the schema
// of sqlite/migrations.cc. Not thread-safe, like every Database.
class SqliteDatabase : public Database {
 public:
  // Opens `path` (created when missing; ":memory:" for a private in-memory database) and applies
  // pending migrations. Errors name the path: kUnavailable when the file cannot be opened,
  // kInvalidArgument when it is not an SQLite database, kConflict when its schema is newer than
  // this program's.
  static base::Result<std::unique_ptr<Database>> Open(const std::string& path);

  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  ReferenceStore& reference() override { return reference_; }
  ResultStore& results() override { return results_; }
  AttemptStore& attempts() override { return attempts_; }
  CampaignStore& campaigns() override { return campaigns_; }
  DoNotCallStore& do_not_call() override { return do_not_call_; }
  DndRegistryStore& dnd_registry() override { return dnd_registry_; }
  CallRecordStore& call_records() override { return call_records_; }
  BroadcastAnswerStore& broadcast_answers() override { return broadcast_; }
  CampaignPromptStore& campaign_prompts() override { return broadcast_; }
  AgentStore& agents() override { return agents_; }
  base::Status ReplaceReferenceData(const results::ReferenceData& data) override;
  base::Result<int> SchemaVersion() override;

 private:
  explicit SqliteDatabase(sqlite::Connection connection);

  sqlite::Connection connection_;
  // All use connection_, declared (so built) before them.
  SqliteReferenceStore reference_;
  SqliteResultStore results_;
  SqliteAttemptStore attempts_;
  SqliteCampaignStore campaigns_;
  SqliteDoNotCallStore do_not_call_;
  SqliteDndRegistryStore dnd_registry_;
  SqliteCallRecordStore call_records_;
  SqliteBroadcastStore broadcast_;
  SqliteAgentStore agents_;
};

}  // namespace store
