#include "simulation/pacer_factory.h"

#include <vector>

#include "base/text.h"
#include "callcenter/predictive_pacer.h"
#include "callcenter/vicidial_adaptive_pacer.h"

namespace simulation {

base::Result<std::unique_ptr<callcenter::Pacer>> MakePacer(const std::string& mode) {
  // Preview dialling binds each call to its agent in the dialer itself and never asks the
  // pacer (DialerSettings::preview); progressive is what it is asked for nothing.
  if (mode == "progressive" || mode == "preview") return callcenter::MakeProgressivePacer();
  if (mode == "predictive") return callcenter::MakePredictivePacer();
  if (mode == "vicidial-adaptive") return callcenter::MakeVicidialAdaptivePacer();
  if (mode.rfind("power:", 0) == 0) {
    base::Result<double> ratio = base::ParseDouble(mode.substr(6), "power ratio");
    if (!ratio.ok()) return ratio.status();
    if (*ratio < 1.0 || *ratio > 10.0) {
      return base::InvalidArgument("power ratio " + mode.substr(6) + " must be from 1 to 10");
    }
    return callcenter::MakePowerPacer(*ratio);
  }
  std::string message = "unknown dial mode '" + mode + "'";
  std::vector<std::string> nearest = base::NearestNames(
      mode, {"preview", "progressive", "power:2", "predictive", "vicidial-adaptive", "oracle"});
  if (!nearest.empty()) message += "; did you mean " + nearest.front() + "?";
  return base::InvalidArgument(
      message +
      " (modes: preview, progressive, power:RATIO, predictive, vicidial-adaptive, oracle)");
}

}  // namespace simulation
