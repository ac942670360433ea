// Inbound callers on a line with an IVR flow: the dialer's glue to IvrCall. The caller hears
// the flow (welcome, language menu, ...) before being queued; the flow's queue step queues
// them in the language they chose (dialer_inbound.cc), its hangup step ends the call.
#include "base/logging.h"
#include "callcenter/dialer.h"

namespace callcenter {

void Dialer::StartIvr(telephony::CallId id, Call& call) {
  call.phase = Phase::kInIvr;
  ++stats_.inbound_ivr;
  IvrCall::Callbacks callbacks;
  callbacks.on_queue = [this, id](const telephony::ivr::RouteToQueue& route) {
    OnIvrQueue(id, route);
  };
  callbacks.on_hangup = [this, id] { OnIvrHangup(id); };
  // A record step plays its own consent prompt (required by the flow) before it records.
  callbacks.recording_path = [this, id](const std::string& step) {
    return settings_.recording_directory + "/" + settings_.campaign_id + "/ivr-call-" +
           std::to_string(id) + "-" + step + ".wav";
  };
  // Kept until the call ends, so that what the caller chose and answered stays readable.
  call.ivr = std::make_unique<IvrCall>(clock_, control_, id, call.line->flow, call.line->language,
                                       std::move(callbacks));
  call.ivr->Start();
}

// The campaign's agents form one queue per language (the Acd's): the flow's queue name says
// where the flow ended, for logs; the caller's language decides who takes the call.
void Dialer::OnIvrQueue(telephony::CallId id, const telephony::ivr::RouteToQueue& route) {
  auto it = calls_.find(id);
  if (it == calls_.end() || it->second.phase != Phase::kInIvr) return;
  Call& call = it->second;
  const std::string& language = route.language.empty() ? call.line->language : route.language;
  JS_LOG(kInfo) << "inbound call " << id << ": IVR routes to queue " << route.queue << " in "
                << language;
  QueueInbound(id, call, language);
}

void Dialer::OnIvrHangup(telephony::CallId id) {
  auto it = calls_.find(id);
  if (it == calls_.end() || it->second.phase != Phase::kInIvr) return;
  ++stats_.inbound_hung_up_by_ivr;
  control_.Hangup(id);  // OnEnded follows, and finishes the call
}

}  // namespace callcenter
