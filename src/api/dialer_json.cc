#include "api/dialer_json.h"

#include <cmath>

namespace api {
namespace {

double Round(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

}  // namespace

nlohmann::json DayReportJson(const simulation::DayParams& params,
                             const simulation::DayReport& report) {
  nlohmann::json json = {
      {"mode", report.mode},
      {"agents", params.agents},
      {"answer_rate", params.answer_rate},
      {"aht_s", std::chrono::duration<double>(params.handle_time).count()},
      {"hours", params.hours},
      {"seed", params.seed},
      {"placed", report.placed},
      {"answered_human", report.answered_human},
      {"answered_machine", report.answered_machine},
      {"connected", report.connected},
      {"abandoned", report.abandoned},
      {"abandon_rate", Round(report.abandon_rate, 5)},
      {"agent_utilization", Round(report.agent_utilization, 4)},
      {"talk_seconds_per_agent_hour", Round(report.talk_seconds_per_agent_hour, 1)},
      {"contacts_per_agent_hour", Round(report.contacts_per_agent_hour, 2)},
      {"mean_agent_idle_s", Round(report.mean_agent_idle_s, 2)},
      {"p95_customer_wait_s", Round(report.p95_customer_wait_s, 2)},
  };
  if (params.inbound_per_hour > 0) {
    json["inbound"] = {
        {"per_hour", params.inbound_per_hour},
        {"offered", report.inbound_offered},
        {"connected", report.inbound_connected},
        {"abandoned", report.inbound_abandoned},
        {"p95_wait_s", Round(report.p95_inbound_wait_s, 2)},
    };
  }
  return json;
}

}  // namespace api
