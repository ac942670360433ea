#include "telephony/sip/sip_config.h"

#include <gtest/gtest.h>

namespace telephony::sip {
namespace {

TEST(SipConfigTest, ReadsHostAndPort) {
  base::Result<HostPort> address = ParseHostPort("127.0.0.1:5062", "--sip");
  ASSERT_TRUE(address.ok()) << address.status().message();
  EXPECT_EQ(address->host, "127.0.0.1");
  EXPECT_EQ(address->port, 5062);
}

TEST(SipConfigTest, BadAddressesNameTheFlag) {
  EXPECT_EQ(ParseHostPort("5060", "--sip").status().message(),
            "--sip '5060' must be HOST:PORT, e.g. 127.0.0.1:5060");
  EXPECT_EQ(ParseHostPort("127.0.0.1:70000", "sip.listen").status().message(),
            "sip.listen port 70000 is not 0-65535");
  EXPECT_FALSE(ParseHostPort("127.0.0.1:five", "--sip").ok());
}

TEST(SipConfigTest, ReadsAnRtpPortRange) {
  base::Result<std::pair<int, int>> range = ParsePortRange("10000-20000", "--rtp-ports");
  ASSERT_TRUE(range.ok()) << range.status().message();
  EXPECT_EQ(*range, std::make_pair(10000, 20000));
}

TEST(SipConfigTest, RefusesOddLowPortsInvertedRangesAndPrivilegedPorts) {
  EXPECT_EQ(ParsePortRange("10001-20000", "--rtp-ports").status().message(),
            "--rtp-ports low port 10001 must be even (RTP takes even ports, RTCP the odd one "
            "above)");
  EXPECT_EQ(ParsePortRange("20000-10000", "--rtp-ports").status().message(),
            "--rtp-ports '20000-10000': the high port must be above the low");
  EXPECT_EQ(ParsePortRange("80-100", "--rtp-ports").status().message(),
            "--rtp-ports low port 80 is not 1024-65535");
  EXPECT_FALSE(ParsePortRange("10000", "--rtp-ports").ok());
}

}  // namespace
}  // namespace telephony::sip
