#include "telephony/sdp/sdp_writer.h"

#include <gtest/gtest.h>

#include <string>

#include "telephony/sdp/negotiation.h"
#include "telephony/sdp/sdp_parser.h"
#include "telephony/sdp/sdp_test_offers.h"

namespace telephony::sdp {
namespace {

TEST(SdpWriterTest, WritesOurOfferFieldByFieldWithCrlf) {
  EXPECT_EQ(WriteSdp(MakeOffer("10.1.2.3", 10000, 42, 7, Direction::kSendRecv)),
            "v=0\r\n"
            "o=- 42 7 IN IP4 10.1.2.3\r\n"
            "s=-\r\n"
            "c=IN IP4 10.1.2.3\r\n"
            "t=0 0\r\n"
            "m=audio 10000 RTP/AVP 0 8 101\r\n"
            "a=rtpmap:0 PCMU/8000\r\n"
            "a=rtpmap:8 PCMA/8000\r\n"
            "a=rtpmap:101 telephone-event/8000\r\n"
            "a=fmtp:101 0-16\r\n"
            "a=ptime:20\r\n"
            "a=sendrecv\r\n");
}

TEST(SdpWriterTest, WritesSessionDirectionOnlyWhenNotSendRecvAndChannelsOnlyWhenNotOne) {
  SessionDescription sdp;
  sdp.session_id = 1;
  sdp.session_version = 2;
  sdp.origin_address = "192.0.2.1";
  sdp.direction = Direction::kInactive;
  MediaDescription audio;
  audio.media = "audio";
  audio.port = 5004;
  audio.protocol = "RTP/AVP";
  audio.payload_types = {96};
  audio.rtpmaps = {{96, "opus", 48000, 2}};
  audio.connection_address = "192.0.2.1";
  audio.direction = Direction::kInactive;
  sdp.media.push_back(audio);
  EXPECT_EQ(WriteSdp(sdp),
            "v=0\r\n"
            "o=- 1 2 IN IP4 192.0.2.1\r\n"
            "s=-\r\n"
            "t=0 0\r\n"
            "a=inactive\r\n"
            "m=audio 5004 RTP/AVP 96\r\n"
            "c=IN IP4 192.0.2.1\r\n"
            "a=rtpmap:96 opus/48000/2\r\n"
            "a=inactive\r\n");
}

class SdpRoundTripTest : public ::testing::TestWithParam<const char*> {};

TEST_P(SdpRoundTripTest, ParseWriteParseGivesTheSameDescription) {
  base::Result<SessionDescription> first = ParseSdp(GetParam());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  const std::string written = WriteSdp(*first);
  base::Result<SessionDescription> second = ParseSdp(written);
  ASSERT_TRUE(second.ok()) << second.status().ToString() << "\n" << written;
  EXPECT_EQ(*first, *second) << written;
  EXPECT_EQ(WriteSdp(*second), written);
}

INSTANTIATE_TEST_SUITE_P(RealOffers, SdpRoundTripTest,
                         ::testing::Values(kSippOffer, kBaresipOffer, kLinphoneOffer, kHoldReinvite,
                                           "v=0\no=- 1 1 IN IP4 h\ns=\nt=0 0\na=recvonly\n"
                                           "m=image 0 udptl t38\nc=IN IP4 0.0.0.0\n"));

TEST(SdpWriterTest, OurOfferAndAnswerReadBackUnchanged) {
  const SessionDescription offer = MakeOffer("10.0.0.1", 20000, 9, 3, Direction::kSendOnly);
  base::Result<SessionDescription> parsed = ParseSdp(WriteSdp(offer));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(*parsed, offer);
}

}  // namespace
}  // namespace telephony::sdp
