// Outbound calls through a carrier's trunk: on the sofia thread.

#include <sofia-sip/msg_header.h>
#include <sofia-sip/sip_status.h>

#include "base/logging.h"
#include "telephony/sdp/sdp_parser.h"
#include "telephony/sdp/sdp_writer.h"
#include "telephony/sip/sip_call_control_impl.h"
#include "telephony/sip/sip_message.h"

namespace telephony::sip {
namespace {

std::string TrunkUri(const Trunk& trunk, const std::string& user) {
  std::string uri = "sip:" + user + "@" + trunk.host + ":" + std::to_string(trunk.port);
  if (trunk.transport == "tcp") uri += ";transport=tcp";
  return uri;
}

// The realm of a digest challenge, with its quotes, as NUTAG_AUTH wants it.
std::string RealmOf(const msg_auth_t* challenge) {
  if (challenge == nullptr) return "\"\"";
  const char* realm = msg_params_find(challenge->au_params, "realm=");
  if (realm == nullptr) return "\"\"";
  std::string value = realm;
  if (value.empty() || value.front() != '"') value = "\"" + value + "\"";
  return value;
}

}  // namespace

rtp::RemoteMedia RemoteMediaOf(const sdp::AudioAgreement& agreement) {
  return {agreement.remote_address, agreement.remote_port, agreement.codec, agreement.payload_type,
          agreement.telephone_event_payload_type};
}

int SipCallControl::Impl::PickTrunk() const {
  for (std::size_t i = 0; i < config_.trunks.size(); ++i) {
    if (trunk_in_use_[i] < config_.trunks[i].max_channels) return static_cast<int>(i);
  }
  return -1;
}

base::Result<OutboundRoute> SipCallControl::Impl::RouteOf(const DialRequest& request) const {
  if (std::optional<std::string> user = SoftphoneUserOf(request.number)) {
    return SoftphoneRoute(*user, request);
  }
  int trunk = PickTrunk();
  if (trunk < 0) return base::Unavailable("no free trunk channel");
  const Trunk& via = config_.trunks[static_cast<std::size_t>(trunk)];
  OutboundRoute route;
  route.to = "<" + TrunkUri(via, request.number) + ">";
  route.caller_id = request.caller_id.empty() ? via.caller_id : request.caller_id;
  route.trunk = trunk;
  return route;
}

void SipCallControl::Impl::PlaceCall(CallId id, const DialRequest& request) {
  auto call = std::make_unique<SipCall>();
  call->id = id;
  call->outbound = true;
  call->sdp_session = SessionIdFor(id);
  SipCall& placed = *call;
  calls_[id] = std::move(call);
  base::Result<OutboundRoute> route =
      shutting_down_ ? base::Result<OutboundRoute>(base::Unavailable("shutting down"))
                     : RouteOf(request);
  base::Result<int> port = route.ok() ? media_->OpenLeg(id) : base::Result<int>(route.status());
  if (!port.ok()) {
    JS_LOG(kInfo) << "call " << id << " to " << request.number
                  << " not placed: " << port.status().message();
    EndCall(placed, EndCause::kFailed);
    calls_.erase(id);
    return;
  }
  placed.trunk = route->trunk;
  placed.local_port = *port;
  if (placed.trunk >= 0) ++trunk_in_use_[static_cast<std::size_t>(placed.trunk)];
  std::string from = "<sip:" + route->caller_id + "@" + config_.listen_host + ">";
  std::string offer = sdp::WriteSdp(sdp::MakeOffer(
      config_.media.address, placed.local_port, placed.sdp_session, 1, sdp::Direction::kSendRecv));
  placed.handle = nua_handle(nua_, &placed, SIPTAG_TO_STR(route->to.c_str()),
                             SIPTAG_FROM_STR(from.c_str()), TAG_END());
  nua_invite(
      placed.handle, TAG_IF(!route->request_uri.empty(), NUTAG_URL(route->request_uri.c_str())),
      SIPTAG_CONTENT_TYPE_STR("application/sdp"), SIPTAG_PAYLOAD_STR(offer.c_str()), TAG_END());
}

void SipCallControl::Impl::OnInviteResponse(SipCall& call, int status, const sip_t* sip) {
  if ((status == 401 || status == 407) && !call.auth_tried && call.trunk >= 0 &&
      !config_.trunks[static_cast<std::size_t>(call.trunk)].username.empty()) {
    return Authenticate(call, sip);
  }
  if (status < 200) return;
  if (status < 300) {
    if (!call.answered && !call.ended) OnAnsweredOutbound(call, sip);
    return;
  }
  EndCall(call, CauseOfFinalStatus(status));
}

void SipCallControl::Impl::Authenticate(SipCall& call, const sip_t* sip) {
  call.auth_tried = true;
  const Trunk& trunk = config_.trunks[static_cast<std::size_t>(call.trunk)];
  const msg_auth_t* challenge =
      sip->sip_www_authenticate ? sip->sip_www_authenticate : sip->sip_proxy_authenticate;
  std::string credentials =
      "Digest:" + RealmOf(challenge) + ":" + trunk.username + ":" + trunk.password;
  nua_authenticate(call.handle, NUTAG_AUTH(credentials.c_str()), TAG_END());
}

void SipCallControl::Impl::OnAnsweredOutbound(SipCall& call, const sip_t* sip) {
  base::Result<sdp::SessionDescription> answer = sdp::ParseSdp(PayloadOf(sip));
  base::Result<sdp::AudioAgreement> agreement =
      answer.ok() ? sdp::AgreeOnAudio(*answer) : base::Result<sdp::AudioAgreement>(answer.status());
  if (!agreement.ok()) {
    JS_LOG(kWarning) << "call " << call.id << ": the far end's answer is unusable ("
                     << agreement.status().message() << "); hanging up";
    call.answered = true;
    EndCall(call, EndCause::kFailed);
    nua_bye(call.handle, TAG_END());
    return;
  }
  call.media = *agreement;
  call.answered = true;
  ++answered_;
  media_->SetRemote(call.id, RemoteMediaOf(call.media));
  // No answering-machine detection yet: a 200 is a person.
  relay_->Answered(call.id, AnswerKind::kHuman);
}

}  // namespace telephony::sip
