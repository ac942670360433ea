#include "callcenter/stored_do_not_call.h"

#include <string>
#include <vector>

namespace callcenter {

base::Result<InMemoryBlocklist> LoadDoNotCallList(store::DoNotCallStore& store,
                                                  std::string_view campaign_id) {
  JS_ASSIGN_OR_RETURN(std::vector<store::DoNotCallEntry> entries, store.ListDoNotCall(campaign_id));
  InMemoryBlocklist list;
  for (const store::DoNotCallEntry& entry : entries) {
    base::Status added = list.Add(entry.number);
    if (!added.ok()) {
      return added.WithContext("do-not-call list of campaign " + std::string(campaign_id));
    }
  }
  return list;
}

}  // namespace callcenter
