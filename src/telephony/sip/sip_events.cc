// What SipCallControl does when sofia reports something: all on the sofia thread.

#include <sofia-sip/msg_header.h>
#include <sofia-sip/sip_status.h>

#include "base/logging.h"
#include "telephony/sdp/sdp_parser.h"
#include "telephony/sdp/sdp_writer.h"
#include "telephony/sip/dtmf_relay.h"
#include "telephony/sip/sip_call_control_impl.h"
#include "telephony/sip/sip_message.h"

namespace telephony::sip {

void SipCallControl::Impl::OnNuaEvent(nua_event_t event, int status, const char* /*phrase*/,
                                      nua_handle_t* handle, SipCall* call, const sip_t* sip,
                                      tagi_t tags[]) {
  if (event == nua_r_shutdown) {
    if (status >= 200) {
      nua_destroy(nua_);
      nua_ = nullptr;
      loop_->Break();
    }
    return;
  }
  if (call == nullptr) {
    if (event == nua_i_invite) {
      OnIncomingInvite(handle, sip);
    } else if (event == nua_i_register && registrar_ != nullptr) {
      OnRegister(handle, sip);
    } else if (handle != nullptr && event != nua_i_state && event != nua_r_set_params) {
      // OPTIONS, INFO (or REGISTER, with no registrar) outside a call: sofia has answered;
      // the handle is done.
      nua_handle_destroy(handle);
    }
    return;
  }
  switch (event) {
    case nua_i_invite:
      OnReInvite(*call, sip);
      break;
    case nua_r_invite:
      OnInviteResponse(*call, status, sip);
      break;
    case nua_i_info:
      OnInfo(*call, sip);
      break;
    case nua_i_state:
      OnCallState(*call, tags);
      break;
    default:
      break;
  }
}

void SipCallControl::Impl::RejectUnbound(nua_handle_t* handle, int status, const char* phrase) {
  nua_respond(handle, status, phrase, TAG_END());
  nua_handle_destroy(handle);
}

void SipCallControl::Impl::OnIncomingInvite(nua_handle_t* handle, const sip_t* sip) {
  if (shutting_down_) return RejectUnbound(handle, SIP_503_SERVICE_UNAVAILABLE);
  IncomingCall incoming{UserOf(sip->sip_from ? sip->sip_from->a_url : nullptr),
                        UserOf(sip->sip_request ? sip->sip_request->rq_url : nullptr)};
  for (const std::string& number : config_.missed_call_dids) {
    if (number != incoming.to) continue;
    // Refused before any answer, so the caller pays nothing; the busy tone is the signal.
    ++missed_calls_;
    relay_->MissedCall(std::move(incoming));
    return RejectUnbound(handle, SIP_486_BUSY_HERE);
  }
  base::Result<sdp::SessionDescription> offer = sdp::ParseSdp(PayloadOf(sip));
  if (!offer.ok()) {
    ++bad_requests_;
    JS_LOG(kInfo) << "INVITE from '" << incoming.from << "' refused: " << offer.status().message();
    return RejectUnbound(handle, 400, "Bad SDP");
  }
  base::Result<sdp::AudioAgreement> agreement = sdp::AgreeOnAudio(*offer);
  if (!agreement.ok()) {
    ++bad_requests_;
    return RejectUnbound(handle, SIP_488_NOT_ACCEPTABLE);
  }
  CallId id = next_id_++;
  base::Result<int> port = media_->OpenLeg(id);
  if (!port.ok()) {
    JS_LOG(kWarning) << "INVITE refused: " << port.status().message();
    return RejectUnbound(handle, SIP_503_SERVICE_UNAVAILABLE);
  }
  auto call = std::make_unique<SipCall>();
  call->id = id;
  call->handle = handle;
  call->media = *agreement;
  call->sdp_session = SessionIdFor(id);
  call->local_port = *port;
  nua_handle_bind(handle, call.get());
  calls_[id] = std::move(call);
  ++incoming_;
  nua_respond(handle, SIP_180_RINGING, TAG_END());
  relay_->Incoming(id, std::move(incoming));
}

void SipCallControl::Impl::AcceptNow(CallId id) {
  SipCall* call = Find(id);
  if (call == nullptr || call->outbound || call->answered || call->ended) return;
  std::string answer = sdp::WriteSdp(
      sdp::MakeAnswer(call->media, config_.media.address, call->local_port, call->sdp_session));
  nua_respond(call->handle, SIP_200_OK, SIPTAG_CONTENT_TYPE_STR("application/sdp"),
              SIPTAG_PAYLOAD_STR(answer.c_str()), TAG_END());
  call->answered = true;
  ++answered_;
  media_->SetRemote(id, RemoteMediaOf(call->media));
}

void SipCallControl::Impl::OnReInvite(SipCall& call, const sip_t* sip) {
  // A re-INVITE puts the call on hold or moves its media: answer it with the same port.
  base::Result<sdp::SessionDescription> offer = sdp::ParseSdp(PayloadOf(sip));
  base::Result<sdp::AudioAgreement> agreement =
      offer.ok() ? sdp::AgreeOnAudio(*offer) : base::Result<sdp::AudioAgreement>(offer.status());
  if (!agreement.ok()) {
    ++bad_requests_;
    nua_respond(call.handle, SIP_488_NOT_ACCEPTABLE, TAG_END());
    return;
  }
  call.media = *agreement;
  sdp::SessionDescription description =
      sdp::MakeAnswer(call.media, config_.media.address, call.local_port, call.sdp_session);
  description.session_version = ++call.sdp_version;
  std::string answer = sdp::WriteSdp(description);
  nua_respond(call.handle, SIP_200_OK, SIPTAG_CONTENT_TYPE_STR("application/sdp"),
              SIPTAG_PAYLOAD_STR(answer.c_str()), TAG_END());
  media_->SetRemote(call.id, RemoteMediaOf(call.media));
}

void SipCallControl::Impl::OnInfo(SipCall& call, const sip_t* sip) {
  if (sip == nullptr || sip->sip_content_type == nullptr ||
      sip->sip_content_type->c_type == nullptr) {
    return;
  }
  std::optional<char> digit = DigitOfInfoBody(sip->sip_content_type->c_type, PayloadOf(sip));
  if (digit) relay_->Digit(call.id, *digit);
}

void SipCallControl::Impl::OnCallState(SipCall& call, tagi_t tags[]) {
  int state = nua_callstate_init;
  tl_gets(tags, NUTAG_CALLSTATE_REF(state), TAG_END());
  if (state != nua_callstate_terminated) return;
  // The far end hung up or gave up ringing, unless we already said why it ended.
  EndCall(call, EndCause::kRemoteHangup);
  Forget(call);
}

void SipCallControl::Impl::EndCall(SipCall& call, EndCause cause) {
  if (call.ended) return;
  call.ended = true;
  ++ended_;
  media_->CloseLeg(call.id);
  if (call.trunk >= 0) --trunk_in_use_[static_cast<std::size_t>(call.trunk)];
  call.trunk = -1;
  relay_->Ended(call.id, cause);
}

void SipCallControl::Impl::Forget(SipCall& call) {
  nua_handle_t* handle = call.handle;
  calls_.erase(call.id);  // `call` is gone from here
  nua_handle_destroy(handle);
}

void SipCallControl::Impl::HangupNow(CallId id) {
  SipCall* call = Find(id);
  if (call == nullptr || call->ended) return;
  bool answered = call->answered;
  bool outbound = call->outbound;
  EndCall(*call, EndCause::kLocalHangup);
  if (answered) {
    nua_bye(call->handle, TAG_END());
  } else if (outbound) {
    nua_cancel(call->handle, TAG_END());
  } else {
    nua_respond(call->handle, SIP_480_TEMPORARILY_UNAVAILABLE, TAG_END());
  }
}

}  // namespace telephony::sip
