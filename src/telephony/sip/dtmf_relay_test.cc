#include "telephony/sip/dtmf_relay.h"

#include <gtest/gtest.h>

namespace telephony::sip {
namespace {

TEST(DtmfRelayTest, ReadsTheSignalOfADtmfRelayBody) {
  EXPECT_EQ(DigitOfInfoBody("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"), '5');
  EXPECT_EQ(DigitOfInfoBody("application/dtmf-relay", "Duration=160\nSignal=#\n"), '#');
  EXPECT_EQ(DigitOfInfoBody("Application/DTMF-Relay; x=1", "  signal =  * \r\n"), '*');
}

TEST(DtmfRelayTest, ReadsAPlainDtmfBody) {
  EXPECT_EQ(DigitOfInfoBody("application/dtmf", "9"), '9');
  EXPECT_EQ(DigitOfInfoBody("application/dtmf", " 0\r\n"), '0');
}

TEST(DtmfRelayTest, RefusesWhatIsNotOneDigitWeTake) {
  EXPECT_EQ(DigitOfInfoBody("application/dtmf-relay", "Signal=A\r\n"), std::nullopt);
  EXPECT_EQ(DigitOfInfoBody("application/dtmf-relay", "Signal=12\r\n"), std::nullopt);
  EXPECT_EQ(DigitOfInfoBody("application/dtmf-relay", "Duration=160\r\n"), std::nullopt);
  EXPECT_EQ(DigitOfInfoBody("application/dtmf-relay", ""), std::nullopt);
  EXPECT_EQ(DigitOfInfoBody("application/dtmf", "16"), std::nullopt);
  EXPECT_EQ(DigitOfInfoBody("application/sdp", "Signal=5"), std::nullopt);
  EXPECT_EQ(DigitOfInfoBody("", "5"), std::nullopt);
}

}  // namespace
}  // namespace telephony::sip
