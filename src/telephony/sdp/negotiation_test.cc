#include "telephony/sdp/negotiation.h"

#include <gtest/gtest.h>

#include <string>

#include "telephony/sdp/sdp_parser.h"
#include "telephony/sdp/sdp_test_offers.h"

namespace telephony::sdp {
namespace {

AudioAgreement AgreeOn(const std::string& text) {
  base::Result<SessionDescription> sdp = ParseSdp(text);
  EXPECT_TRUE(sdp.ok()) << sdp.status().ToString();
  if (!sdp.ok()) return {};
  base::Result<AudioAgreement> agreement = AgreeOnAudio(*sdp);
  EXPECT_TRUE(agreement.ok()) << agreement.status().ToString();
  return agreement.ok() ? *agreement : AudioAgreement{};
}

std::string RefusalOf(const std::string& text) {
  base::Result<SessionDescription> sdp = ParseSdp(text);
  EXPECT_TRUE(sdp.ok()) << sdp.status().ToString();
  if (!sdp.ok()) return "(unparsed)";
  base::Result<AudioAgreement> agreement = AgreeOnAudio(*sdp);
  if (agreement.ok()) return "(agreed)";
  EXPECT_EQ(agreement.status().code(), base::StatusCode::kInvalidArgument);
  return agreement.status().message();
}

std::string Offer(const std::string& session_lines, const std::string& media_lines) {
  return "v=0\r\no=- 1 1 IN IP4 198.51.100.4\r\ns=-\r\nc=IN IP4 198.51.100.4\r\nt=0 0\r\n" +
         session_lines + media_lines;
}

TEST(NegotiationTest, SippOfferGivesPcmuWithoutEvents) {
  AudioAgreement agreement = AgreeOn(kSippOffer);
  EXPECT_EQ(agreement.remote_address, "127.0.0.1");
  EXPECT_EQ(agreement.remote_port, 6000);
  EXPECT_EQ(agreement.codec, rtp::Codec::kPcmu);
  EXPECT_EQ(agreement.payload_type, 0);
  EXPECT_EQ(agreement.telephone_event_payload_type, -1);
  EXPECT_EQ(agreement.remote_direction, Direction::kSendRecv);
  EXPECT_FALSE(agreement.on_hold);
}

TEST(NegotiationTest, BaresipOfferSkipsOpusAndG722ForPcmu) {
  AudioAgreement agreement = AgreeOn(kBaresipOffer);
  EXPECT_EQ(agreement.codec, rtp::Codec::kPcmu);
  EXPECT_EQ(agreement.payload_type, 0);
  EXPECT_EQ(agreement.telephone_event_payload_type, 101);
  EXPECT_EQ(agreement.remote_address, "192.168.1.20");
  EXPECT_EQ(agreement.remote_port, 10322);
}

TEST(NegotiationTest, LinphoneOfferTakesTheEightKilohertzTelephoneEvent) {
  AudioAgreement agreement = AgreeOn(kLinphoneOffer);
  EXPECT_EQ(agreement.codec, rtp::Codec::kPcmu);
  EXPECT_EQ(agreement.telephone_event_payload_type, 100);
}

TEST(NegotiationTest, FirstG711InTheOfferersOrderWins) {
  AudioAgreement agreement = AgreeOn(Offer("", "m=audio 4000 RTP/AVP 18 8 0\r\n"));
  EXPECT_EQ(agreement.codec, rtp::Codec::kPcma);
  EXPECT_EQ(agreement.payload_type, 8);
}

TEST(NegotiationTest, DynamicPayloadTypeForG711IsHonoured) {
  AudioAgreement agreement =
      AgreeOn(Offer("", "m=audio 4000 RTP/AVP 112\r\na=rtpmap:112 pcma/8000\r\n"));
  EXPECT_EQ(agreement.codec, rtp::Codec::kPcma);
  EXPECT_EQ(agreement.payload_type, 112);
}

TEST(NegotiationTest, SkipsRejectedAndEncryptedAudioStreams) {
  AudioAgreement agreement = AgreeOn(
      Offer("",
            "m=video 5000 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\nm=audio 0 RTP/AVP 0\r\n"
            "m=audio 4100 RTP/SAVP 0\r\nm=audio 4200 RTP/AVP 8\r\nc=IN IP4 203.0.113.5\r\n"));
  EXPECT_EQ(agreement.remote_port, 4200);
  EXPECT_EQ(agreement.remote_address, "203.0.113.5");
  EXPECT_EQ(agreement.codec, rtp::Codec::kPcma);
}

TEST(NegotiationTest, SendOnlyInactiveAndZeroAddressAreHold) {
  EXPECT_TRUE(AgreeOn(kHoldReinvite).on_hold);
  EXPECT_EQ(AgreeOn(kHoldReinvite).remote_direction, Direction::kSendOnly);
  EXPECT_TRUE(AgreeOn(Offer("a=inactive\r\n", "m=audio 4000 RTP/AVP 0\r\n")).on_hold);
  EXPECT_TRUE(AgreeOn(Offer("", "m=audio 4000 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\n")).on_hold);
  EXPECT_FALSE(
      AgreeOn(Offer("a=sendonly\r\n", "m=audio 4000 RTP/AVP 0\r\na=sendrecv\r\n")).on_hold);
  EXPECT_FALSE(AgreeOn(Offer("", "m=audio 4000 RTP/AVP 0\r\na=recvonly\r\n")).on_hold);
}

TEST(NegotiationTest, RefusesOffersWithoutG711) {
  EXPECT_EQ(RefusalOf(Offer("",
                            "m=audio 4000 RTP/AVP 18 111 101\r\n"
                            "a=rtpmap:111 opus/48000/2\r\n"
                            "a=rtpmap:101 telephone-event/8000\r\n")),
            "SDP offers no codec we speak (PCMU or PCMA); offered: G729, opus");
  EXPECT_EQ(RefusalOf(Offer("", "m=audio 4000 RTP/AVP 96 0\r\na=rtpmap:0 PCMU/16000\r\n")),
            "SDP offers no codec we speak (PCMU or PCMA); offered: payload type 96, PCMU");
}

TEST(NegotiationTest, RefusesOffersWithoutUsableAudio) {
  const std::string no_audio =
      "SDP has no audio stream we can use (m=audio with a nonzero port on RTP/AVP)";
  EXPECT_EQ(RefusalOf(Offer("", "")), no_audio);
  EXPECT_EQ(RefusalOf(Offer("", "m=audio 0 RTP/AVP 0\r\n")), no_audio);
  EXPECT_EQ(RefusalOf(Offer("", "m=video 4000 RTP/AVP 0\r\n")), no_audio);
}

TEST(NegotiationTest, AnswerCarriesTheAgreedCodecAndTheOfferersEventNumber) {
  AudioAgreement agreement = AgreeOn(kLinphoneOffer);
  SessionDescription answer = MakeAnswer(agreement, "10.9.8.7", 12000, 555);
  EXPECT_EQ(answer.session_id, 555u);
  EXPECT_EQ(answer.session_version, 1u);
  EXPECT_EQ(answer.origin_address, "10.9.8.7");
  EXPECT_EQ(answer.connection_address, "10.9.8.7");
  ASSERT_EQ(answer.media.size(), 1u);
  const MediaDescription& audio = answer.media[0];
  EXPECT_EQ(audio.port, 12000);
  EXPECT_EQ(audio.protocol, "RTP/AVP");
  EXPECT_EQ(audio.payload_types, (std::vector<int>{0, 100}));
  EXPECT_EQ(audio.rtpmaps,
            (std::vector<RtpMap>{{0, "PCMU", 8000, 1}, {100, "telephone-event", 8000, 1}}));
  EXPECT_EQ(audio.fmtp.at(100), "0-16");
  EXPECT_EQ(audio.ptime_ms, 20);
  EXPECT_EQ(audio.direction, Direction::kSendRecv);
}

TEST(NegotiationTest, AnswerOffersEvent101WhenTheOfferHadNone) {
  SessionDescription answer = MakeAnswer(AgreeOn(kSippOffer), "10.9.8.7", 12000, 1);
  EXPECT_EQ(answer.media[0].payload_types, (std::vector<int>{0, 101}));
  SessionDescription clash =
      MakeAnswer(AgreeOn(Offer("", "m=audio 4000 RTP/AVP 101\r\na=rtpmap:101 PCMU/8000\r\n")),
                 "10.9.8.7", 12000, 1);
  EXPECT_EQ(clash.media[0].payload_types, (std::vector<int>{101, 102}));
}

TEST(NegotiationTest, AnswerDirectionMirrorsTheOffer) {
  auto answered = [](const std::string& direction_line) {
    return MakeAnswer(AgreeOn(Offer("", "m=audio 4000 RTP/AVP 0\r\n" + direction_line)), "10.0.0.1",
                      1, 1)
        .media[0]
        .direction;
  };
  EXPECT_EQ(answered(""), Direction::kSendRecv);
  EXPECT_EQ(answered("a=sendrecv\r\n"), Direction::kSendRecv);
  EXPECT_EQ(answered("a=sendonly\r\n"), Direction::kRecvOnly);
  EXPECT_EQ(answered("a=recvonly\r\n"), Direction::kSendOnly);
  EXPECT_EQ(answered("a=inactive\r\n"), Direction::kInactive);
}

TEST(NegotiationTest, OurOfferIsAgreeableToOurselves) {
  SessionDescription offer = MakeOffer("10.0.0.1", 20000, 77, 2, Direction::kSendOnly);
  base::Result<AudioAgreement> agreement = AgreeOnAudio(offer);
  ASSERT_TRUE(agreement.ok()) << agreement.status().ToString();
  EXPECT_EQ(agreement->codec, rtp::Codec::kPcmu);
  EXPECT_EQ(agreement->telephone_event_payload_type, 101);
  EXPECT_TRUE(agreement->on_hold);
  EXPECT_EQ(offer.session_version, 2u);
  EXPECT_EQ(offer.media[0].payload_types, (std::vector<int>{0, 8, 101}));
}

}  // namespace
}  // namespace telephony::sdp
