#include "telephony/ivr/flow.h"

#include <algorithm>
#include <set>
#include <utility>

#include "base/text.h"

namespace telephony::ivr {
namespace {

// "no step named 'langauge' (did you mean 'language'?)"
std::string NoStepNamed(const std::string& wanted, const Flow::Steps& steps) {
  std::vector<std::string> names;
  names.reserve(steps.size());
  for (const auto& [name, step] : steps) names.push_back(name);
  std::string message = "no step named '" + wanted + "'";
  std::vector<std::string> nearest = base::NearestNames(wanted, names, 1);
  if (!nearest.empty()) message += " (did you mean '" + nearest.front() + "'?)";
  return message;
}

// Steps that go on name where; steps that end or branch must not, or a reader would think the
// flow continues there.
base::Status CheckNext(const Step& step) {
  std::string path = "steps." + step.name + ".next";
  std::string kind(step.Kind());
  if (step.NeedsNext() && step.next.empty()) {
    return base::InvalidArgument(path + ": required key is missing (a " + kind +
                                 " step goes on to another step)");
  }
  if (step.NeedsNext() || step.next.empty()) return base::OkStatus();
  if (step.Ends()) {
    return base::InvalidArgument(path + ": a " + kind + " step ends the flow, so it has no next");
  }
  return base::InvalidArgument(
      path + ": a menu step goes on by its options and otherwise, so it has no next");
}

base::Status CheckTarget(const std::string& path, const std::string& target,
                         const Flow::Steps& steps) {
  if (steps.find(target) != steps.end()) return base::OkStatus();
  return base::InvalidArgument(path + ": " + NoStepNamed(target, steps));
}

// Every name a step refers to is a step; paths as in the flow file.
base::Status CheckTargets(const Flow::Steps& steps) {
  for (const auto& [name, step] : steps) {
    std::string path = "steps." + name;
    if (!step.next.empty()) JS_RETURN_IF_ERROR(CheckTarget(path + ".next", step.next, steps));
    const auto* menu = std::get_if<MenuStep>(&step.action);
    if (menu == nullptr) continue;
    for (const auto& [key, target] : menu->options) {
      JS_RETURN_IF_ERROR(CheckTarget(path + ".menu.options." + key, target, steps));
    }
    if (menu->otherwise) {
      JS_RETURN_IF_ERROR(CheckTarget(path + ".menu.otherwise", *menu->otherwise, steps));
    }
  }
  return base::OkStatus();
}

// A step nobody can reach is almost always a typo in some `next`; saying so beats ignoring it.
base::Status CheckReachable(const std::string& start, const Flow::Steps& steps) {
  std::set<std::string> reached{start};
  std::vector<std::string> pending{start};
  while (!pending.empty()) {
    std::string name = std::move(pending.back());
    pending.pop_back();
    for (std::string& next : steps.find(name)->second.Successors()) {
      if (reached.insert(next).second) pending.push_back(std::move(next));
    }
  }
  std::vector<std::string> unreachable;
  for (const auto& [name, step] : steps) {
    if (reached.count(name) == 0) unreachable.push_back(name);
  }
  if (unreachable.empty()) return base::OkStatus();
  return base::InvalidArgument("steps: not reachable from start '" + start +
                               "': " + base::Join(unreachable, ", "));
}

// Steps that neither wait for the caller nor end (play, language) have exactly one successor,
// `next`, so following it from each of them either reaches a step that waits or ends, or comes
// back round: a loop in which the caller can do nothing (and, of language steps only, one the
// interpreter would spin in without returning).
base::Status CheckSilentLoops(const Flow::Steps& steps) {
  std::set<std::string> cleared;  // steps known to lead to a waiting or ending step
  for (const auto& [first, unused] : steps) {
    std::vector<std::string> path;
    std::string name = first;
    while (cleared.count(name) == 0) {
      const Step& step = steps.find(name)->second;
      if (step.WaitsForCaller() || step.Ends()) break;
      auto seen = std::find(path.begin(), path.end(), name);
      if (seen != path.end()) {
        std::vector<std::string> loop(seen, path.end());
        loop.push_back(name);
        return base::InvalidArgument("steps." + name + ": the loop " + base::Join(loop, " -> ") +
                                     " never waits for the caller or ends");
      }
      path.push_back(name);
      name = step.next;
    }
    cleared.insert(path.begin(), path.end());
  }
  return base::OkStatus();
}

}  // namespace

base::Result<Flow> Flow::Make(std::string start, Steps steps) {
  if (steps.empty()) return base::InvalidArgument("steps: at least one step is required");
  if (steps.size() > kMaxSteps) {
    return base::InvalidArgument("steps: " + std::to_string(steps.size()) + " steps; at most " +
                                 std::to_string(kMaxSteps) + " are allowed");
  }
  for (const auto& [name, step] : steps) {
    if (name != step.name) {
      return base::Internal("steps." + name + ": holds step '" + step.name + "'");
    }
    JS_RETURN_IF_ERROR(CheckNext(step));
  }
  if (steps.find(start) == steps.end()) {
    return base::InvalidArgument("start: " + NoStepNamed(start, steps));
  }
  JS_RETURN_IF_ERROR(CheckTargets(steps));
  JS_RETURN_IF_ERROR(CheckReachable(start, steps));
  JS_RETURN_IF_ERROR(CheckSilentLoops(steps));
  return Flow(std::move(start), std::move(steps));
}

const Step* Flow::Find(std::string_view name) const {
  auto it = steps_.find(name);
  return it == steps_.end() ? nullptr : &it->second;
}

std::vector<std::string> Flow::PromptNames() const {
  std::set<std::string> names;
  for (const auto& [name, step] : steps_) {
    for (std::string& prompt : step.Prompts()) names.insert(std::move(prompt));
  }
  return {names.begin(), names.end()};
}

std::vector<std::string> Flow::QueueNames() const {
  std::set<std::string> names;
  for (const auto& [name, step] : steps_) {
    if (const auto* queue = std::get_if<QueueStep>(&step.action)) names.insert(queue->queue);
  }
  return {names.begin(), names.end()};
}

}  // namespace telephony::ivr
