#include "telephony/call_control.h"

namespace telephony {

bool EndedBeforeAnswer(EndCause cause) {
  return cause == EndCause::kBusy || cause == EndCause::kNoAnswer || cause == EndCause::kFailed;
}

}  // namespace telephony
