#include "telephony/sdp/sdp_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "telephony/sdp/sdp_test_offers.h"

namespace telephony::sdp {
namespace {

using ::testing::HasSubstr;

// The error message ParseSdp gives for `text`, or "(parsed)" when it parses.
std::string ErrorOf(std::string_view text) {
  base::Result<SessionDescription> parsed = ParseSdp(text);
  if (parsed.ok()) return "(parsed)";
  EXPECT_EQ(parsed.status().code(), base::StatusCode::kInvalidArgument);
  return parsed.status().message();
}

// A valid description with `media_lines` after the session part (LF endings).
std::string WithMedia(std::string_view media_lines) {
  return "v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\n" + std::string(media_lines);
}

TEST(SdpParserTest, ReadsSippOffer) {
  base::Result<SessionDescription> sdp = ParseSdp(kSippOffer);
  ASSERT_TRUE(sdp.ok()) << sdp.status().ToString();
  EXPECT_EQ(sdp->origin_username, "user1");
  EXPECT_EQ(sdp->session_id, 53655765u);
  EXPECT_EQ(sdp->session_version, 2353687637u);
  EXPECT_EQ(sdp->origin_address, "127.0.0.1");
  EXPECT_EQ(sdp->session_name, "-");
  EXPECT_EQ(sdp->connection_address, "127.0.0.1");
  ASSERT_EQ(sdp->media.size(), 1u);
  const MediaDescription& audio = sdp->media[0];
  EXPECT_EQ(audio.media, "audio");
  EXPECT_EQ(audio.port, 6000);
  EXPECT_EQ(audio.protocol, "RTP/AVP");
  EXPECT_EQ(audio.payload_types, (std::vector<int>{0}));
  EXPECT_EQ(audio.rtpmaps, (std::vector<RtpMap>{{0, "PCMU", 8000, 1}}));
  EXPECT_EQ(audio.direction, Direction::kSendRecv);
  EXPECT_FALSE(audio.connection_address.has_value());
}

TEST(SdpParserTest, ReadsBaresipOfferWithManyCodecsAndUnknownAttributes) {
  base::Result<SessionDescription> sdp = ParseSdp(kBaresipOffer);
  ASSERT_TRUE(sdp.ok()) << sdp.status().ToString();
  ASSERT_EQ(sdp->media.size(), 1u);
  const MediaDescription& audio = sdp->media[0];
  EXPECT_EQ(audio.port, 10322);
  EXPECT_EQ(audio.payload_types, (std::vector<int>{111, 9, 0, 8, 101}));
  EXPECT_EQ(audio.rtpmaps, (std::vector<RtpMap>{{111, "opus", 48000, 2},
                                                {9, "G722", 8000, 1},
                                                {0, "PCMU", 8000, 1},
                                                {8, "PCMA", 8000, 1},
                                                {101, "telephone-event", 8000, 1}}));
  EXPECT_EQ(audio.fmtp.at(111), "stereo=1;sprop-stereo=1");
  EXPECT_EQ(audio.fmtp.at(101), "0-15");
  EXPECT_EQ(audio.ptime_ms, 20);
}

TEST(SdpParserTest, ReadsLinphoneOfferWithOpusFirstAndVideo) {
  base::Result<SessionDescription> sdp = ParseSdp(kLinphoneOffer);
  ASSERT_TRUE(sdp.ok()) << sdp.status().ToString();
  EXPECT_EQ(sdp->session_name, "Talk");
  ASSERT_EQ(sdp->media.size(), 2u);
  EXPECT_EQ(sdp->media[0].payload_types, (std::vector<int>{96, 97, 98, 0, 8, 101, 99, 100}));
  EXPECT_EQ(sdp->media[0].rtpmaps[0], (RtpMap{96, "opus", 48000, 2}));
  EXPECT_EQ(sdp->media[1].media, "video");
  EXPECT_EQ(sdp->media[1].rtpmaps, (std::vector<RtpMap>{{96, "VP8", 90000, 1}}));
}

TEST(SdpParserTest, AcceptsLfAndCrlfAlikeAndNoFinalNewline) {
  std::string lf = WithMedia("m=audio 4000 RTP/AVP 8");
  std::string crlf =
      "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
      "m=audio 4000 RTP/AVP 8\r\n\r\n";
  base::Result<SessionDescription> a = ParseSdp(lf);
  base::Result<SessionDescription> b = ParseSdp(crlf);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(a->media[0].rtpmaps, (std::vector<RtpMap>{{8, "PCMA", 8000, 1}}));
}

TEST(SdpParserTest, MediaDirectionWinsOverSessionDirection) {
  base::Result<SessionDescription> sdp = ParseSdp(
      "v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\na=sendonly\n"
      "m=audio 4000 RTP/AVP 0\n"
      "m=audio 4002 RTP/AVP 0\na=inactive\n");
  ASSERT_TRUE(sdp.ok()) << sdp.status().ToString();
  EXPECT_EQ(sdp->direction, Direction::kSendOnly);
  EXPECT_EQ(sdp->media[0].direction, Direction::kSendOnly);
  EXPECT_EQ(sdp->media[1].direction, Direction::kInactive);
}

TEST(SdpParserTest, MediaLevelConnectionInEverySectionIsEnough) {
  base::Result<SessionDescription> sdp = ParseSdp(
      "v=0\no=- 1 1 IN IP4 host.example\ns=-\nt=0 0\n"
      "m=audio 4000 RTP/AVP 0\nc=IN IP4 192.0.2.7\n");
  ASSERT_TRUE(sdp.ok()) << sdp.status().ToString();
  EXPECT_FALSE(sdp->connection_address.has_value());
  EXPECT_EQ(sdp->media[0].connection_address, "192.0.2.7");
  EXPECT_EQ(sdp->origin_address, "host.example");
}

TEST(SdpParserTest, KeepsNonRtpMediaWithoutItsFormats) {
  base::Result<SessionDescription> sdp =
      ParseSdp(WithMedia("m=audio 0 RTP/AVP 0\nm=image 5000 udptl t38\na=T38FaxVersion:0\n"));
  ASSERT_TRUE(sdp.ok()) << sdp.status().ToString();
  EXPECT_EQ(sdp->media[1].media, "image");
  EXPECT_TRUE(sdp->media[1].payload_types.empty());
}

TEST(SdpParserTest, IgnoresRtpmapAndFmtpOfUnlistedPayloadTypes) {
  base::Result<SessionDescription> sdp =
      ParseSdp(WithMedia("m=audio 4000 RTP/AVP 0\na=rtpmap:96 opus/48000/2\na=fmtp:96 x=1\n"
                         "a=rtpmap:0 PCMU/8000/1\n"));
  ASSERT_TRUE(sdp.ok()) << sdp.status().ToString();
  EXPECT_EQ(sdp->media[0].rtpmaps, (std::vector<RtpMap>{{0, "PCMU", 8000, 1}}));
  EXPECT_TRUE(sdp->media[0].fmtp.empty());
}

TEST(SdpParserTest, DynamicPayloadTypeWithoutRtpmapHasNone) {
  base::Result<SessionDescription> sdp = ParseSdp(WithMedia("m=audio 4000 RTP/AVP 96 0\n"));
  ASSERT_TRUE(sdp.ok()) << sdp.status().ToString();
  EXPECT_EQ(sdp->media[0].FindRtpMap(96), nullptr);
  EXPECT_NE(sdp->media[0].FindRtpMap(0), nullptr);
}

TEST(SdpParserTest, ErrorsNameTheLineAndTheFault) {
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 70000 RTP/AVP 0\n")),
            "SDP line 6: m= port '70000' is not 0-65535");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP 128\n")),
            "SDP line 6: m= payload type '128' is not 0-127");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP -1\n")),
            "SDP line 6: m= payload type '-1' is not 0-127");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP 0 0\n")),
            "SDP line 6: m= lists payload type 0 twice");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP\n")), "SDP line 6: m= lists no formats");
  EXPECT_EQ(ErrorOf(WithMedia("m=image 0 udptl\n")), "SDP line 6: m= lists no formats");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000\n")),
            "SDP line 6: m= has 2 fields, expected media, port, protocol and formats");
  EXPECT_EQ(ErrorOf("o=- 1 1 IN IP4 10.0.0.1\n"),
            "SDP line 1: expected v=0 first, found 'o=- 1 1 IN IP4 10.0.0.1'");
  EXPECT_EQ(ErrorOf("v=1\n"), "SDP line 1: version '1' is not 0");
  EXPECT_EQ(ErrorOf("v=0\nv=0\n"), "SDP line 2: a second v= line");
  EXPECT_EQ(ErrorOf("v=0\nhello\n"), "SDP line 2: 'hello' is not of the form x=value");
  EXPECT_EQ(ErrorOf("v=0\nX=1\n"), "SDP line 2: 'X=1' is not of the form x=value");
  EXPECT_EQ(ErrorOf("v=0\no=- 1 IN IP4 a\n"),
            "SDP line 2: o= has 5 fields, expected 6 (username id version IN IP4 address)");
  EXPECT_EQ(ErrorOf("v=0\no=- x 1 IN IP4 a\n"),
            "SDP line 2: o= session id 'x' is not a whole number");
  EXPECT_EQ(ErrorOf("v=0\no=- 1 -1 IN IP4 a\n"),
            "SDP line 2: o= session version '-1' is not a whole number");
  EXPECT_EQ(ErrorOf("v=0\no=- 1 1 ATM IP4 a\n"), "SDP line 2: o= network type 'ATM' is not IN");
  EXPECT_EQ(ErrorOf("v=0\no=- 1 1 IN IP4 a\ns=-\nc=IN IP6 ::1\n"),
            "SDP line 4: IPv6 is not supported");
  EXPECT_EQ(ErrorOf("v=0\no=- 1 1 IN IP6 ::1\n"), "SDP line 2: IPv6 is not supported");
  EXPECT_EQ(ErrorOf("v=0\no=- 1 1 IN IP4 a\ns=-\nc=IN IP4 10.0.0.256\n"),
            "SDP line 4: c= address '10.0.0.256' is not an IPv4 address (a.b.c.d)");
  EXPECT_EQ(ErrorOf("v=0\no=- 1 1 IN IP4 a\ns=-\nc=IN IP4 pbx.example\n"),
            "SDP line 4: c= address 'pbx.example' is not an IPv4 address (a.b.c.d)");
  EXPECT_EQ(ErrorOf("v=0\no=- 1 1 IN IP4 a\ns=-\nc=IN IP4 224.2.1.1/127\n"),
            "SDP line 4: c= address '224.2.1.1/127' is not an IPv4 address (a.b.c.d)");
  EXPECT_EQ(ErrorOf("v=0\no=- 1 1 IN IP4 a\ns=-\nc=IN IP4 10.0.0.1\nc=IN IP4 10.0.0.2\n"),
            "SDP line 5: a second c= line");
  EXPECT_EQ(ErrorOf("v=0\no=- 1 1 IN IP4 a\ns=-\nc=IN\n"),
            "SDP line 4: c= has 1 fields, expected 3 (IN IP4 address)");
  EXPECT_EQ(ErrorOf("v=0\no=- 1 1 IN IP4 a\ns=-\nt=now\n"),
            "SDP line 4: t= 'now' is not a start and a stop time");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP 0\nt=0 0\n")),
            "SDP line 7: t= belongs before the first m= line");
}

TEST(SdpParserTest, AttributeErrorsNameTheLineAndTheFault) {
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP 96\na=rtpmap:96 opus\n")),
            "SDP line 7: a=rtpmap 'opus' is not 'ENCODING/RATE[/CHANNELS]'");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP 96\na=rtpmap:96\n")),
            "SDP line 7: a=rtpmap '96' is not 'PT ENCODING/RATE[/CHANNELS]'");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP 96\na=rtpmap:300 opus/48000\n")),
            "SDP line 7: a=rtpmap payload type '300' is not 0-127");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP 96\na=rtpmap:96 opus/0\n")),
            "SDP line 7: a=rtpmap clock rate '0' is not a positive whole number");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP 96\na=rtpmap:96 opus/99999999999\n")),
            "SDP line 7: a=rtpmap clock rate '99999999999' is not a positive whole number");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP 96\na=rtpmap:96 opus/48000/0\n")),
            "SDP line 7: a=rtpmap channels '0' is not 1-255");
  EXPECT_EQ(
      ErrorOf(WithMedia("m=audio 4000 RTP/AVP 96\na=rtpmap:96 opus/48000\na=rtpmap:96 a/1\n")),
      "SDP line 8: a second a=rtpmap for payload type 96");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP 101\na=fmtp:x 0-16\n")),
            "SDP line 7: a=fmtp payload type 'x' is not 0-127");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP 101\na=fmtp:101 0-16\na=fmtp:101 0-15\n")),
            "SDP line 8: a second a=fmtp for payload type 101");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP 0\na=ptime:0\n")),
            "SDP line 7: a=ptime '0' is not 1-1000 milliseconds");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 4000 RTP/AVP 0\na=ptime:20.5\n")),
            "SDP line 7: a=ptime '20.5' is not 1-1000 milliseconds");
}

TEST(SdpParserTest, MissingLinesAreNamed) {
  EXPECT_EQ(ErrorOf(""), "SDP line 1: expected v=0 first, found no lines");
  EXPECT_EQ(ErrorOf("\n\n"), "SDP line 2: expected v=0 first, found no lines");
  EXPECT_EQ(ErrorOf("v=0"), "SDP line 1: the description has no o= line");
  EXPECT_EQ(ErrorOf("v=0\no=- 1 1 IN IP4 a\n"), "SDP line 2: the description has no s= line");
  EXPECT_EQ(ErrorOf("v=0\no=- 1 1 IN IP4 a\ns=-\n"), "SDP line 3: the description has no t= line");
  EXPECT_EQ(ErrorOf("v=0\no=- 1 1 IN IP4 a\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 0\n"
                    "c=IN IP4 10.0.0.1\nm=audio 4002 RTP/AVP 0\n"),
            "SDP line 7: m= section has no c= line, and the session has none");
}

TEST(SdpParserTest, RefusesOversizedInput) {
  std::string big = WithMedia("m=audio 4000 RTP/AVP 0\n");
  big += std::string(kMaxSdpBytes, 'x');
  EXPECT_THAT(ErrorOf(big), HasSubstr("at most 16384 are accepted"));

  EXPECT_EQ(ErrorOf(WithMedia("a=x:" + std::string(1100, 'y') + "\n")),
            "SDP line 6: longer than 1024 bytes");
  EXPECT_EQ(ErrorOf(WithMedia("a=x:" + std::string(1020, 'y') + "\n")), "(parsed)");
}

TEST(SdpParserTest, AcceptsSixtyFourMediaSectionsButNotMore) {
  std::string sections;
  for (int i = 0; i < 64; ++i)
    sections += "m=audio " + std::to_string(4000 + 2 * i) + " RTP/AVP 0\n";
  base::Result<SessionDescription> sdp = ParseSdp(WithMedia(sections));
  ASSERT_TRUE(sdp.ok()) << sdp.status().ToString();
  EXPECT_EQ(sdp->media.size(), 64u);
  EXPECT_EQ(ErrorOf(WithMedia(sections + "m=audio 9 RTP/AVP 0\n")),
            "SDP line 70: more than 64 m= sections");
}

TEST(SdpParserTest, RefusesMoreThan256Formats) {
  std::string line = "m=audio 4000 RTP/AVP";
  for (int i = 0; i < 257; ++i) line += " 0";
  EXPECT_EQ(ErrorOf(WithMedia(line + "\n")), "SDP line 6: m= lists more than 256 formats");
}

TEST(SdpParserTest, SurvivesHostileBytes) {
  EXPECT_EQ(ErrorOf(WithMedia(std::string("s=a\0b\n", 6))), "SDP line 6: contains a NUL byte");
  EXPECT_EQ(ErrorOf(WithMedia("s=a\rb\n")), "SDP line 6: contains a carriage return");
  EXPECT_EQ(ErrorOf(WithMedia("m=audio 18446744073709551616 RTP/AVP 0\n")),
            "SDP line 6: m= port '18446744073709551616' is not 0-65535");
  EXPECT_EQ(ErrorOf("v=0\no=- 18446744073709551616 1 IN IP4 a\n"),
            "SDP line 2: o= session id '18446744073709551616' is not a whole number");
  EXPECT_EQ(ErrorOf(std::string("\xff\xfe=\x01", 4)),
            "SDP line 1: '?"
            "?=?' is not of the form x=value");
  base::Result<SessionDescription> max_id =
      ParseSdp("v=0\no=- 18446744073709551615 0 IN IP4 a\ns=-\nc=IN IP4 1.2.3.4\nt=0 0\n");
  ASSERT_TRUE(max_id.ok()) << max_id.status().ToString();
  EXPECT_EQ(max_id->session_id, 18446744073709551615u);
}

}  // namespace
}  // namespace telephony::sdp
