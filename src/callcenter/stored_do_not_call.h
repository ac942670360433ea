#pragma once

#include <string_view>

#include "base/result.h"
#include "callcenter/number_blocklist.h"
#include "store/store.h"

namespace callcenter {

// A campaign's do-not-call list as the store keeps it, ready for its CallingRules: every
// opt-out ever recorded for `campaign_id`, so that a restart calls none of them. Fails with
// the store's error, or kInvalidArgument naming a stored number that is not E.164 (a list
// that cannot be read whole must not be used: calling someone who opted out is the worse
// failure).
base::Result<InMemoryBlocklist> LoadDoNotCallList(store::DoNotCallStore& store,
                                                  std::string_view campaign_id);

}  // namespace callcenter
