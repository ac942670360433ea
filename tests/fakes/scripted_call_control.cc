#include "fakes/scripted_call_control.h"

namespace fakes {

telephony::CallId ScriptedCallControl::Dial(const telephony::DialRequest& request) {
  telephony::CallId id = next_id_++;
  calls_[id] = {id, request, "", {}, false, false, false, false, {}, ""};
  order_.push_back(id);
  return id;
}

void ScriptedCallControl::Accept(telephony::CallId call) {
  auto it = calls_.find(call);
  if (it != calls_.end() && it->second.incoming && !it->second.ended) it->second.accepted = true;
}

telephony::CallId ScriptedCallControl::Incoming(const std::string& from, const std::string& to) {
  telephony::CallId id = next_id_++;
  telephony::DialRequest request{to, from, base::Duration::zero()};
  calls_[id] = {id, request, "", {}, false, false, true, false, {}, ""};
  events_->OnIncoming(id, {from, to});
  return id;
}

void ScriptedCallControl::Bridge(telephony::CallId call, const std::string& agent_line) {
  auto it = calls_.find(call);
  if (it == calls_.end() || it->second.ended) return;
  it->second.bridged_to = agent_line;
  it->second.commands.push_back("bridge " + agent_line);
}

void ScriptedCallControl::Record(telephony::CallId call, const std::string& wav_path) {
  auto it = calls_.find(call);
  if (it == calls_.end() || it->second.ended) return;
  it->second.recording = wav_path;
  it->second.commands.push_back("record " + wav_path);
}

void ScriptedCallControl::StopRecording(telephony::CallId call) {
  auto it = calls_.find(call);
  if (it == calls_.end() || it->second.ended || it->second.recording.empty()) return;
  it->second.recording.clear();
  it->second.commands.push_back("stop recording");
}

void ScriptedCallControl::Play(telephony::CallId call, const std::string& prompt) {
  auto it = calls_.find(call);
  if (it == calls_.end() || it->second.ended) return;
  it->second.prompts.push_back(prompt);
  it->second.commands.push_back("play " + prompt);
  // A new prompt replaces the one playing, which then never finishes.
  std::size_t playing = it->second.prompts.size();
  clock_.RunAfter(prompt_length, [this, call, playing] {
    const Dialled& dialled = calls_.at(call);
    if (!dialled.ended && dialled.prompts.size() == playing) events_->OnPlayed(call);
  });
}

void ScriptedCallControl::Hangup(telephony::CallId call) {
  auto it = calls_.find(call);
  if (it == calls_.end() || it->second.ended) return;
  it->second.hung_up = true;
  clock_.RunAfter(base::Duration::zero(),
                  [this, call] { End(call, telephony::EndCause::kLocalHangup); });
}

void ScriptedCallControl::Answer(telephony::CallId call, telephony::AnswerKind kind) {
  if (calls_.at(call).ended) return;
  events_->OnAnswered(call, kind);
}

void ScriptedCallControl::RecordingFails(telephony::CallId call, const std::string& reason) {
  Dialled& dialled = calls_.at(call);
  if (dialled.ended) return;
  dialled.recording.clear();
  events_->OnRecordingFailed(call, reason);
}

void ScriptedCallControl::Digit(telephony::CallId call, char digit) {
  if (calls_.at(call).ended) return;
  events_->OnDigit(call, digit);
}

void ScriptedCallControl::End(telephony::CallId call, telephony::EndCause cause) {
  Dialled& dialled = calls_.at(call);
  if (dialled.ended) return;
  dialled.ended = true;
  events_->OnEnded(call, cause);
}

std::vector<telephony::CallId> ScriptedCallControl::Live() const {
  std::vector<telephony::CallId> live;
  for (const auto& [id, call] : calls_) {
    if (!call.ended) live.push_back(id);
  }
  return live;
}

}  // namespace fakes
