#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "geo/seat.h"
#include "geo/state.h"
#include "results/election.h"
#include "results/party.h"
#include "results/reference_data.h"
#include "results/tally.h"

// The storage seam. One interface per aggregate; backends (sqlite/, later postgres/) implement
// them and pass the same conformance suite. Never includes a database client header.
namespace store {

// The country and its parties. Lists come back in key order (state code, then number; party
// code).
class ReferenceStore {
 public:
  virtual ~ReferenceStore() = default;
  virtual base::Result<std::vector<geo::State>> ListStates() = 0;
  virtual base::Result<std::vector<geo::Seat>> ListSeats() = 0;
  virtual base::Result<std::vector<geo::Segment>> ListSegments() = 0;
  virtual base::Result<std::vector<results::Party>> ListParties() = 0;
};

// Election results.
class ResultStore {
 public:
  virtual ~ResultStore() = default;
  // Every loaded election, by kind then year.
  virtual base::Result<std::vector<results::Election>> ListElections() = 0;
  // Every candidate row of one election ordered by state, constituency number, then position
  // (NOTA, position 0, first). Positions are unique within a constituency. kNotFound when the
  // election is not loaded.
  virtual base::Result<std::vector<results::CandidateVotes>> ListVotes(
      std::string_view election_id) = 0;
  // The same results in compact form, one tally per constituency (results::TallyByConstituency
  // of ListVotes), ordered by state code then number: what analysis reads, kept by the backend
  // so that reading it is cheap. kNotFound when the election is not loaded.
  virtual base::Result<std::vector<results::ConstituencyTally>> ListTallies(
      std::string_view election_id) = 0;
};

// One call attempt of a campaign, as the journal keeps it.
struct CallAttempt {
  std::int64_t id = 0;
  std::string campaign_id;
  std::string contact_id;
  std::string number;
  int attempt = 1;
  base::TimePoint placed_at;
  std::string outcome;  // empty until the call is over: "connected", "busy", ...
  std::optional<base::TimePoint> ended_at;
  std::string disposition;  // what the agent recorded, empty until then
  std::string agent_id;
};

// The journal of call attempts: written before a call is placed and after it ends, so that a
// restart never loses a disposition and never calls a contact twice for the same attempt.
class AttemptStore {
 public:
  virtual ~AttemptStore() = default;
  // Records that `attempt` of the contact is about to be dialled; returns the attempt's id.
  // kConflict when that attempt of that contact in that campaign was begun already.
  virtual base::Result<std::int64_t> BeginAttempt(const CallAttempt& attempt) = 0;
  // Records how the call ended. kNotFound for an unknown id; kConflict when already ended.
  virtual base::Status EndAttempt(std::int64_t id, std::string_view outcome,
                                  base::TimePoint at) = 0;
  // Records the agent's disposition. kNotFound for an unknown id.
  virtual base::Status DisposeAttempt(std::int64_t id, std::string_view disposition,
                                      std::string_view agent_id) = 0;
  // Every attempt of a campaign, in the order they were begun.
  virtual base::Result<std::vector<CallAttempt>> ListAttempts(std::string_view campaign_id) = 0;
};

// A campaign of the call centre as stored: its definition is the campaign file's JSON
// (docs/json.md), kept as text so that the store depends on no call-centre type; api/
// campaign_json reads and writes it. Definitions are checked before they are stored.
struct StoredCampaign {
  std::string id;
  std::string definition;  // JSON text
  base::TimePoint created_at;
};

// The campaigns. A definition is not changed once stored (a changed campaign is a new one).
class CampaignStore {
 public:
  virtual ~CampaignStore() = default;
  // Stores a campaign under `id`; kConflict naming the id when one is stored already.
  virtual base::Status AddCampaign(std::string_view id, std::string_view definition,
                                   base::TimePoint created_at) = 0;
  // kNotFound naming the id when none is stored.
  virtual base::Result<StoredCampaign> GetCampaign(std::string_view id) = 0;
  // Every campaign, by id.
  virtual base::Result<std::vector<StoredCampaign>> ListCampaigns() = 0;
};

// One number on a campaign's do-not-call list.
struct DoNotCallEntry {
  std::string number;  // E.164
  std::string reason;  // may be empty
  base::TimePoint added_at;
};

// The campaigns' own do-not-call lists: opt-outs are permanent, so there is no way to remove
// a number. The callers check numbers (E.164, callcenter::IsE164) and that the campaign
// exists; the store compares numbers byte for byte and never refuses an opt-out for its
// campaign id, so that no opt-out is ever lost.
class DoNotCallStore {
 public:
  virtual ~DoNotCallStore() = default;
  // Puts `number` on the list of `campaign_id`, durably once it returns. Adding a number
  // already listed succeeds and keeps its first reason and time.
  virtual base::Status AddDoNotCall(std::string_view campaign_id, std::string_view number,
                                    std::string_view reason, base::TimePoint at) = 0;
  // The list of `campaign_id`, oldest first (then by number); empty for an unknown campaign.
  virtual base::Result<std::vector<DoNotCallEntry>> ListDoNotCall(std::string_view campaign_id) = 0;
};

// The national DND registry as last loaded: where it came from, when, how many numbers, and
// the numbers packed (contacts::PackNumberSet; the store keeps the bytes as given).
struct DndRegistryRecord {
  std::string source;  // e.g. the extract's file name
  base::TimePoint loaded_at;
  std::int64_t numbers = 0;
  std::vector<std::uint8_t> packed;
};

// One registry at a time: a new extract replaces the last one whole.
class DndRegistryStore {
 public:
  virtual ~DndRegistryStore() = default;
  // Replaces the stored registry with `record` in one step: a reader sees the old one or the
  // new one, never a mix or none.
  virtual base::Status ReplaceDndRegistry(const DndRegistryRecord& record) = 0;
  // The stored registry; nullopt when none was ever loaded.
  virtual base::Result<std::optional<DndRegistryRecord>> GetDndRegistry() = 0;
};

// One call as its call detail record (CDR) keeps it, written once the call is over. Which
// fields are filled depends on the kind; the store keeps what it is given. Nothing here says
// anything of a person beyond the numbers and the language of the call.
struct CallRecord {
  std::int64_t id = 0;      // assigned by AddCallRecord; ignored when adding
  std::string direction;    // "inbound" or "outbound"
  std::string kind;         // "helpline", "missed_call" or "campaign"
  std::string from;         // the caller's number, E.164 when known; may be empty
  std::string to;           // the number called
  std::string campaign_id;  // may be empty; of a missed call: the call-back campaign
  std::string state;        // state code of the line; may be empty
  std::string language;     // ISO 639 code of the call; may be empty
  base::TimePoint started_at;
  std::optional<base::TimePoint> answered_at;   // by us (IVR or agent)
  std::optional<base::TimePoint> connected_at;  // reached an agent
  std::optional<base::TimePoint> ended_at;
  std::string agent_id;  // may be empty
  std::string outcome;   // one of kCallOutcomes
  // The WAV file the call was recorded to (CallControl::Record); empty: not recorded. A path
  // here means that recording was commanded; a file that could not be written was logged.
  std::string recording;

  static constexpr std::size_t kMaxRecordingLength = 1000;  // bytes
};

inline constexpr std::string_view kCallDirections[] = {"inbound", "outbound"};
inline constexpr std::string_view kCallKinds[] = {"helpline", "missed_call", "campaign"};
// How a call ended:
//   missed_call  a missed-call number was rung: logged and refused unanswered, by design
//   talked       the caller or callee talked with an agent
//   abandoned    the caller hung up in the queue before an agent took the call
//   refused      we refused the call unanswered (line closed, no capacity)
//   left_in_ivr  the caller hung up in the IVR, before asking for an agent
//   no_answer    an outbound call rang out;  busy: the callee was busy
//   failed       the network or the trunk failed the call
//   machine      an answering machine or voicemail answered
inline constexpr std::string_view kCallOutcomes[] = {"missed_call", "talked",      "abandoned",
                                                     "refused",     "left_in_ivr", "no_answer",
                                                     "busy",        "failed",      "machine"};

// Which call records to list: started_at in [since, until), of `kind` when not empty, the
// newest first, at most `limit`.
struct CallRecordQuery {
  static constexpr int kDefaultLimit = 100;
  static constexpr int kMaxLimit = 1000;

  std::string kind;  // empty: every kind
  std::optional<base::TimePoint> since;
  std::optional<base::TimePoint> until;
  int limit = kDefaultLimit;  // 1..kMaxLimit
};

// The call detail records: one row per call, never changed once written.
class CallRecordStore {
 public:
  virtual ~CallRecordStore() = default;
  // Stores `record` (its id is ignored) in one write, durably once it returns; returns the id
  // given to it, above every id given before. kInvalidArgument naming the field, storing
  // nothing, when direction, kind or outcome is not a known value (kCallDirections, kCallKinds,
  // kCallOutcomes) or a time is before started_at (CheckCallRecord).
  virtual base::Result<std::int64_t> AddCallRecord(const CallRecord& record) = 0;
  // The records `query` selects, by started_at newest first, then by id newest first.
  // kInvalidArgument naming the field for an unknown kind, a limit outside 1..kMaxLimit or
  // since not before until (CheckCallRecordQuery).
  virtual base::Result<std::vector<CallRecord>> ListCallRecords(const CallRecordQuery& query) = 0;
};

// The checks every CallRecordStore makes, for its backends and for callers that want to check
// first.
base::Status CheckCallRecord(const CallRecord& record);
base::Status CheckCallRecordQuery(const CallRecordQuery& query);

// ---- Voice broadcast: answers to press-1 questions, and prompts uploaded by campaigns. ----

// One answer to a broadcast's press-1 question. Nothing but the number and the key pressed.
struct BroadcastAnswer {
  std::string campaign_id;
  std::string number;       // E.164 of the contact who answered
  std::string question_id;  // the campaign's broadcast.question.id
  char digit = '0';         // the key pressed, '1' to '9'
  base::TimePoint answered_at;

  bool operator==(const BroadcastAnswer&) const = default;
};

// The answers of broadcasts. A number answers a question of a campaign once: answering again
// (a later call) replaces the earlier answer, so that counts are of people, not of calls.
class BroadcastAnswerStore {
 public:
  virtual ~BroadcastAnswerStore() = default;
  // Stores `answer` durably once it returns. kInvalidArgument, storing nothing, when the digit
  // is not '1' to '9' or a field is empty.
  virtual base::Status AddBroadcastAnswer(const BroadcastAnswer& answer) = 0;
  // The answers of `campaign_id`, oldest first (then by number); empty for an unknown one.
  virtual base::Result<std::vector<BroadcastAnswer>> ListBroadcastAnswers(
      std::string_view campaign_id) = 0;
};

// A prompt a campaign uploaded ("campaign prompt add"), as 8 kHz G.711 µ-law bytes, checked
// (telephony/rtp's DecodePromptFile) before it is stored.
struct CampaignPrompt {
  std::string campaign_id;
  std::string name;  // callcenter::IsPromptName
  std::vector<std::uint8_t> ulaw;
  base::TimePoint added_at;
};

class CampaignPromptStore {
 public:
  virtual ~CampaignPromptStore() = default;
  // Stores `prompt`, replacing one of the same campaign and name, durably once it returns.
  virtual base::Status PutCampaignPrompt(const CampaignPrompt& prompt) = 0;
  // The prompts of `campaign_id`, by name; empty for an unknown campaign.
  virtual base::Result<std::vector<CampaignPrompt>> ListCampaignPrompts(
      std::string_view campaign_id) = 0;
  // kNotFound naming the prompt and the campaign when there is none.
  virtual base::Status RemoveCampaignPrompt(std::string_view campaign_id,
                                            std::string_view name) = 0;
};

// The check AddBroadcastAnswer makes, for every backend.
base::Status CheckBroadcastAnswer(const BroadcastAnswer& answer);

// One agent of the call centre's roster, as stored. The callers check the fields (api/
// agent_json's ParseAgent); the store keeps what it is given. Synthetic in tests and examples.
struct StoredAgent {
  std::string id;                      // a slug: "a-lucknow-01"
  std::string name;                    // as shown to supervisors
  std::vector<std::string> languages;  // ISO 639 codes, the best first; at least one
  std::string state;                   // state code ("S24") the agent serves
  std::vector<std::string> seats;      // seat ids in that state ("S24-35"); may be empty
  std::string phone;                   // E.164: the mobile that AgentPhones calls
  base::TimePoint added_at;
};

// The agents' roster. An agent is added whole and removed whole (a changed agent is removed
// and added again).
class AgentStore {
 public:
  virtual ~AgentStore() = default;
  // Stores `agent`; kConflict naming the id when one is stored already.
  virtual base::Status AddAgent(const StoredAgent& agent) = 0;
  // kNotFound naming the id when none is stored.
  virtual base::Result<StoredAgent> GetAgent(std::string_view id) = 0;
  // Every agent, by id.
  virtual base::Result<std::vector<StoredAgent>> ListAgents() = 0;
  // kNotFound naming the id when none is stored.
  virtual base::Status RemoveAgent(std::string_view id) = 0;
};

// One open database. Not thread-safe: one Database per thread, or external locking.
class Database {
 public:
  virtual ~Database() = default;
  virtual ReferenceStore& reference() = 0;
  virtual ResultStore& results() = 0;
  virtual AttemptStore& attempts() = 0;
  virtual CampaignStore& campaigns() = 0;
  virtual DoNotCallStore& do_not_call() = 0;
  virtual DndRegistryStore& dnd_registry() = 0;
  virtual CallRecordStore& call_records() = 0;
  virtual BroadcastAnswerStore& broadcast_answers() = 0;
  virtual CampaignPromptStore& campaign_prompts() = 0;
  virtual AgentStore& agents() = 0;

  // Writes states, seats, segments and parties (inserted or updated by key) and replaces the
  // results of every election in `data`, all in one transaction: on any failure the database is
  // left exactly as it was. Loading the same data twice leaves the same database.
  virtual base::Status ReplaceReferenceData(const results::ReferenceData& data) = 0;

  // The schema version, i.e. the number of the last migration applied.
  virtual base::Result<int> SchemaVersion() = 0;
};

// Opens (creating when missing) the database that `spec` names and applies pending migrations:
// "sqlite:PATH", a plain PATH (SQLite), or ":memory:". Other schemes fail with
// kInvalidArgument naming the scheme.
base::Result<std::unique_ptr<Database>> OpenDatabase(const std::string& spec);

}  // namespace store
