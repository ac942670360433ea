#include "telephony/sip/sip_call_control.h"

#include <sofia-sip/su_log.h>

#include <cstdlib>

#include "base/logging.h"
#include "telephony/sip/sip_call_control_impl.h"

namespace telephony::sip {
namespace {

// sofia's callback: everything about a call goes to its SipCall, the rest to the agent.
void OnNuaEventThunk(nua_event_t event, int status, const char* phrase, nua_t* /*nua*/,
                     nua_magic_t* magic, nua_handle_t* handle, nua_hmagic_t* hmagic,
                     const sip_t* sip, tagi_t tags[]) {
  static_cast<SipCallControl::Impl*>(magic)->OnNuaEvent(event, status, phrase, handle,
                                                        static_cast<SipCall*>(hmagic), sip, tags);
}

}  // namespace

SipCallControl::Impl::Impl(const SipConfig& config, base::Clock& clock,
                           const rtp::PromptLibrary& prompts)
    : config_(config),
      clock_(clock),
      prompts_(prompts),
      relay_(std::make_shared<EventRelay>(clock)),
      trunk_in_use_(config.trunks.size(), 0),
      registrar_(MakeRegistrar(config, clock)) {}

base::Status SipCallControl::Impl::Start() {
  base::Result<std::unique_ptr<rtp::MediaEngine>> media =
      rtp::MediaEngine::Start(config_.media, this);
  if (!media.ok()) return media.status();
  media_ = std::move(*media);
  base::Result<std::unique_ptr<SofiaLoop>> loop =
      SofiaLoop::Start([this](su_root_s* root) { return CreateAgent(root); });
  if (!loop.ok()) return loop.status();
  loop_ = std::move(*loop);
  return base::OkStatus();
}

base::Status SipCallControl::Impl::CreateAgent(su_root_s* root) {
  // sofia logs to stderr by default; our own log says what matters.
  su_log_set_level(nullptr, 0);
  std::string url = "sip:" + config_.listen_host + ":" + std::to_string(config_.listen_port);
  // REGISTER is ours to answer (sip_register.cc) when softphones may register; else sofia
  // refuses it 405.
  bool registrar = registrar_ != nullptr;
  nua_ = nua_create(root, OnNuaEventThunk, this, NUTAG_URL(url.c_str()), NUTAG_MEDIA_ENABLE(0),
                    NUTAG_AUTOANSWER(0), NUTAG_AUTOALERT(0), NUTAG_ENABLEINVITE(1),
                    NUTAG_SESSION_TIMER(0), NUTAG_USER_AGENT("jansampark"),
                    SIPTAG_ALLOW_STR(registrar ? "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, REGISTER"
                                               : "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO"),
                    TAG_IF(registrar, NUTAG_APPL_METHOD("REGISTER")), TAG_END());
  if (nua_ == nullptr) {
    return base::Unavailable("SIP: cannot listen on " + config_.listen_host + ":" +
                             std::to_string(config_.listen_port) +
                             " (address in use, or not an address of this machine)");
  }
  return base::OkStatus();
}

void SipCallControl::Impl::Stop() {
  if (loop_ == nullptr) return;
  {
    // Ring timers still pending on the Clock check this under the same lock: from here on
    // they do nothing, and none is half-way through touching this object.
    std::lock_guard lock(lifeline_->mutex);
    lifeline_->alive = false;
  }
  relay_->Detach();
  loop_->Stop([this] {
    shutting_down_ = true;
    for (auto& [id, call] : calls_) {
      if (!call->ended) HangupNow(id);
    }
    nua_shutdown(nua_);
  });
  loop_.reset();
  media_.reset();
}

CallId SipCallControl::Impl::Dial(const DialRequest& request) {
  CallId id = next_id_++;
  relay_->MarkLive(id);
  loop_->Post([this, id, request] { PlaceCall(id, request); });
  if (request.ring_timeout.count() > 0) {
    // The timer is the Clock's, so a FakeClock-driven test and a real server agree on it.
    clock_.RunAfter(request.ring_timeout, [this, id, lifeline = lifeline_] {
      std::lock_guard lock(lifeline->mutex);
      if (!lifeline->alive) return;
      loop_->Post([this, id] {
        SipCall* call = Find(id);
        if (call != nullptr && !call->answered && !call->ended) {
          EndCall(*call, EndCause::kNoAnswer);
          nua_cancel(call->handle, TAG_END());
        }
      });
    });
  }
  return id;
}

void SipCallControl::Impl::Accept(CallId call) {
  loop_->Post([this, call] { AcceptNow(call); });
}

void SipCallControl::Impl::Hangup(CallId call) {
  loop_->Post([this, call] { HangupNow(call); });
}

void SipCallControl::Impl::Play(CallId call, const std::string& prompt) {
  rtp::PromptRef found = prompts_.Find(prompt);
  if (found == nullptr) {
    // A flow that names a missing prompt is caught when it is loaded; here the caller simply
    // hears nothing and the flow goes on.
    JS_LOG(kWarning) << "call " << call << ": no prompt named '" << prompt << "'";
    relay_->Played(call);
    return;
  }
  // Through the sofia thread, behind the Accept that told the media engine where to send:
  // straight to the engine, the prompt could start before the engine knows the far end.
  loop_->Post([this, call, found = std::move(found)] { media_->Play(call, found); });
}

void SipCallControl::Impl::Bridge(CallId call, const std::string& agent_line) {
  char* end = nullptr;
  unsigned long long agent = std::strtoull(agent_line.c_str(), &end, 10);
  if (agent_line.empty() || end == nullptr || *end != '\0' || agent == 0) {
    JS_LOG(kWarning) << "call " << call << ": agent line '" << agent_line
                     << "' is not a call id; not bridged";
    return;
  }
  loop_->Post([this, call, agent] { media_->Bridge(call, static_cast<CallId>(agent)); });
}

// Through the sofia thread like Play, so that a Record right after Accept finds the leg open.
void SipCallControl::Impl::Record(CallId call, const std::string& wav_path) {
  loop_->Post([this, call, wav_path] { media_->Record(call, wav_path); });
}

void SipCallControl::Impl::StopRecording(CallId call) {
  loop_->Post([this, call] { media_->StopRecording(call); });
}

void SipCallControl::Impl::OnPlayed(rtp::LegId leg) { relay_->Played(leg); }

void SipCallControl::Impl::OnDigit(rtp::LegId leg, char digit) { relay_->Digit(leg, digit); }

void SipCallControl::Impl::OnRecordingFailed(rtp::LegId leg, const std::string& reason) {
  relay_->RecordingFailed(leg, reason);
}

SipStats SipCallControl::Impl::Stats() const {
  return {incoming_.load(),     missed_calls_.load(),
          bad_requests_.load(), answered_.load(),
          ended_.load(),        media_ != nullptr ? media_->Stats() : rtp::MediaStats{}};
}

SipCall* SipCallControl::Impl::Find(CallId id) {
  auto found = calls_.find(id);
  return found == calls_.end() ? nullptr : found->second.get();
}

// SipCallControl: the public face.

base::Result<std::unique_ptr<SipCallControl>> SipCallControl::Start(
    const SipConfig& config, base::Clock& clock, const rtp::PromptLibrary& prompts) {
  auto impl = std::make_unique<Impl>(config, clock, prompts);
  JS_RETURN_IF_ERROR(impl->Start());
  return std::unique_ptr<SipCallControl>(new SipCallControl(std::move(impl)));
}

SipCallControl::SipCallControl(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SipCallControl::~SipCallControl() { impl_->Stop(); }

void SipCallControl::SetEvents(CallEvents* events) { impl_->relay().SetEvents(events); }

void SipCallControl::SetMissedCallSink(MissedCallSink* sink) {
  impl_->relay().SetMissedCallSink(sink);
}
CallId SipCallControl::Dial(const DialRequest& request) { return impl_->Dial(request); }
void SipCallControl::Accept(CallId call) { impl_->Accept(call); }
void SipCallControl::Bridge(CallId call, const std::string& agent_line) {
  impl_->Bridge(call, agent_line);
}
void SipCallControl::Play(CallId call, const std::string& prompt) { impl_->Play(call, prompt); }
void SipCallControl::Hangup(CallId call) { impl_->Hangup(call); }
void SipCallControl::Record(CallId call, const std::string& wav_path) {
  impl_->Record(call, wav_path);
}
void SipCallControl::StopRecording(CallId call) { impl_->StopRecording(call); }
SipStats SipCallControl::Stats() const { return impl_->Stats(); }

}  // namespace telephony::sip
