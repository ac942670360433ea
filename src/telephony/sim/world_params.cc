#include "telephony/sim/world_params.h"

#include <string>

namespace telephony::sim {
namespace {

base::Status CheckRate(const char* name, double rate) {
  if (rate >= 0 && rate <= 1) return base::OkStatus();
  return base::InvalidArgument(std::string(name) + " must be in [0, 1], got " +
                               std::to_string(rate));
}

base::Status CheckPositive(const char* name, base::Duration duration) {
  if (duration > base::Duration::zero()) return base::OkStatus();
  return base::InvalidArgument(std::string(name) + " must be positive");
}

base::Status CheckSigma(const char* name, double sigma) {
  if (sigma >= 0) return base::OkStatus();
  return base::InvalidArgument(std::string(name) + " must not be negative");
}

base::Status ValidateRates(const WorldParams& params) {
  JS_RETURN_IF_ERROR(CheckRate("human_answer_rate", params.human_answer_rate));
  JS_RETURN_IF_ERROR(CheckRate("machine_rate", params.machine_rate));
  JS_RETURN_IF_ERROR(CheckRate("busy_rate", params.busy_rate));
  JS_RETURN_IF_ERROR(CheckRate("failed_rate", params.failed_rate));
  double total =
      params.human_answer_rate + params.machine_rate + params.busy_rate + params.failed_rate;
  if (total > 1 + 1e-9) {
    return base::InvalidArgument("rates add up to " + std::to_string(total) + ", more than 1");
  }
  return base::OkStatus();
}

base::Status ValidateTimes(const WorldParams& params) {
  JS_RETURN_IF_ERROR(CheckPositive("answer_median", params.answer_median));
  JS_RETURN_IF_ERROR(CheckPositive("busy_median", params.busy_median));
  JS_RETURN_IF_ERROR(CheckPositive("failed_median", params.failed_median));
  JS_RETURN_IF_ERROR(CheckPositive("talk_mean", params.talk_mean));
  JS_RETURN_IF_ERROR(CheckPositive("patience_median", params.patience_median));
  JS_RETURN_IF_ERROR(CheckPositive("machine_hangup_median", params.machine_hangup_median));
  JS_RETURN_IF_ERROR(CheckPositive("prompt_length", params.prompt_length));
  JS_RETURN_IF_ERROR(CheckSigma("answer_sigma", params.answer_sigma));
  JS_RETURN_IF_ERROR(CheckSigma("signal_sigma", params.signal_sigma));
  JS_RETURN_IF_ERROR(CheckSigma("talk_sigma", params.talk_sigma));
  JS_RETURN_IF_ERROR(CheckSigma("patience_sigma", params.patience_sigma));
  return CheckSigma("machine_hangup_sigma", params.machine_hangup_sigma);
}

base::Status ValidateInbound(const WorldParams& params) {
  if (!(params.inbound_per_hour >= 0 && params.inbound_per_hour <= 1e6)) {
    return base::InvalidArgument("inbound_per_hour must be from 0 to 1000000, got " +
                                 std::to_string(params.inbound_per_hour));
  }
  JS_RETURN_IF_ERROR(CheckPositive("inbound_ring", params.inbound_ring));
  JS_RETURN_IF_ERROR(CheckPositive("queue_patience_median", params.queue_patience_median));
  return CheckSigma("queue_patience_sigma", params.queue_patience_sigma);
}

}  // namespace

base::Status Validate(const WorldParams& params) {
  JS_RETURN_IF_ERROR(ValidateRates(params));
  JS_RETURN_IF_ERROR(ValidateTimes(params));
  return ValidateInbound(params);
}

}  // namespace telephony::sim
