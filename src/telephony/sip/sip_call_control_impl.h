#pragma once

// Internal to telephony/sip: the state behind SipCallControl. Everything here except the
// `relay_` and the atomics is touched only on the sofia thread.

#include <sofia-sip/nua.h>
#include <sofia-sip/sip_header.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "telephony/rtp/prompt_library.h"
#include "telephony/sdp/negotiation.h"
#include "telephony/sip/event_relay.h"
#include "telephony/sip/registrar.h"
#include "telephony/sip/sip_call_control.h"
#include "telephony/sip/sofia_loop.h"

namespace telephony::sip {

struct SipCall {
  CallId id = 0;
  nua_handle_t* handle = nullptr;
  bool outbound = false;
  bool answered = false;
  bool ended = false;  // OnEnded has been sent
  bool auth_tried = false;
  int trunk = -1;  // index into config.trunks, outbound only
  sdp::AudioAgreement media;
  std::uint64_t sdp_session = 0;
  std::uint64_t sdp_version = 1;  // of the last SDP we sent
  int local_port = 0;             // our RTP port for this call
  base::TimerId ring_timer = 0;
};

// Where the media engine sends this call's audio, from what the SDP agreed.
rtp::RemoteMedia RemoteMediaOf(const sdp::AudioAgreement& agreement);

// Where an outbound call goes: through a trunk, or to a registered softphone.
struct OutboundRoute {
  std::string request_uri;  // empty: the To header's URI
  std::string to;           // the To header
  std::string caller_id;    // the user of our From header
  int trunk = -1;           // index into config.trunks; -1 for a softphone (no trunk channel)
};

// The registrar for `config.accounts`; null when there are none (REGISTER is then refused 405).
std::unique_ptr<Registrar> MakeRegistrar(const SipConfig& config, base::Clock& clock);

class SipCallControl::Impl : public rtp::MediaEvents {
 public:
  Impl(const SipConfig& config, base::Clock& clock, const rtp::PromptLibrary& prompts);
  base::Status Start();
  void Stop();

  // Commands, on any thread.
  CallId Dial(const DialRequest& request);
  void Accept(CallId call);
  void Bridge(CallId call, const std::string& agent_line);
  void Play(CallId call, const std::string& prompt);
  void Hangup(CallId call);
  void Record(CallId call, const std::string& wav_path);
  void StopRecording(CallId call);

  // rtp::MediaEvents, on the media thread.
  void OnPlayed(rtp::LegId leg) override;
  void OnDigit(rtp::LegId leg, char digit) override;
  // On the recorder's writer thread.
  void OnRecordingFailed(rtp::LegId leg, const std::string& reason) override;

  // From sofia, on its thread.
  void OnNuaEvent(nua_event_t event, int status, const char* phrase, nua_handle_t* handle,
                  SipCall* call, const sip_t* sip, tagi_t tags[]);

  EventRelay& relay() { return *relay_; }
  SipStats Stats() const;

 private:
  base::Status CreateAgent(su_root_s* root);
  void OnIncomingInvite(nua_handle_t* handle, const sip_t* sip);
  void OnReInvite(SipCall& call, const sip_t* sip);
  void OnInviteResponse(SipCall& call, int status, const sip_t* sip);
  void OnAnsweredOutbound(SipCall& call, const sip_t* sip);
  void OnInfo(SipCall& call, const sip_t* sip);
  void OnCallState(SipCall& call, tagi_t tags[]);
  void Authenticate(SipCall& call, const sip_t* sip);
  void PlaceCall(CallId id, const DialRequest& request);
  void AcceptNow(CallId id);
  void HangupNow(CallId id);
  void EndCall(SipCall& call, EndCause cause);
  void Forget(SipCall& call);
  void RejectUnbound(nua_handle_t* handle, int status, const char* phrase);
  int PickTrunk() const;
  SipCall* Find(CallId id);
  base::Result<OutboundRoute> RouteOf(const DialRequest& request) const;

  // Softphones (sip_register.cc).
  void OnRegister(nua_handle_t* handle, const sip_t* sip);
  base::Result<OutboundRoute> SoftphoneRoute(const std::string& user,
                                             const DialRequest& request) const;

  // Whether this object may still be touched by a Clock timer; shared with those timers.
  struct Lifeline {
    std::mutex mutex;
    bool alive = true;
  };

  SipConfig config_;
  base::Clock& clock_;
  const rtp::PromptLibrary& prompts_;
  std::shared_ptr<EventRelay> relay_;
  std::shared_ptr<Lifeline> lifeline_ = std::make_shared<Lifeline>();
  std::unique_ptr<rtp::MediaEngine> media_;
  std::unique_ptr<SofiaLoop> loop_;
  nua_t* nua_ = nullptr;
  std::atomic<CallId> next_id_{1};
  std::unordered_map<CallId, std::unique_ptr<SipCall>> calls_;
  std::vector<int> trunk_in_use_;
  bool shutting_down_ = false;
  std::unique_ptr<Registrar> registrar_;  // null without accounts; on the sofia thread

  std::atomic<std::uint64_t> incoming_{0};
  std::atomic<std::uint64_t> missed_calls_{0};
  std::atomic<std::uint64_t> bad_requests_{0};
  std::atomic<std::uint64_t> answered_{0};
  std::atomic<std::uint64_t> ended_{0};
};

}  // namespace telephony::sip
