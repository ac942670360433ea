#include <string>

#include "store/store.h"

namespace store {

base::Status CheckBroadcastAnswer(const BroadcastAnswer& answer) {
  if (answer.campaign_id.empty()) {
    return base::InvalidArgument("broadcast answer: campaign_id is empty");
  }
  if (answer.number.empty()) return base::InvalidArgument("broadcast answer: number is empty");
  if (answer.question_id.empty()) {
    return base::InvalidArgument("broadcast answer: question_id is empty");
  }
  if (answer.digit < '1' || answer.digit > '9') {
    return base::InvalidArgument("broadcast answer: digit '" + std::string(1, answer.digit) +
                                 "' is not a key from 1 to 9");
  }
  return base::OkStatus();
}

}  // namespace store
