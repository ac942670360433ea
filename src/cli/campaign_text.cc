#include "cli/campaign_text.h"

#include <chrono>

#include "base/text.h"

namespace cli {
namespace {

using callcenter::AnswerType;
using callcenter::Campaign;

std::string Minutes(base::Duration interval) {
  return std::to_string(std::chrono::duration_cast<std::chrono::minutes>(interval).count()) +
         " min";
}

std::string Percent(double fraction) { return base::FormatFixed(fraction * 100, 1) + "%"; }

std::string RetryText(const callcenter::RetryPolicy& retry) {
  return "at most " + std::to_string(retry.max_attempts) +
         " attempts per contact, retried after busy " + Minutes(retry.busy) + ", no answer " +
         Minutes(retry.no_answer) + ", failed " + Minutes(retry.failed) + ", machine " +
         Minutes(retry.machine) + ", abandoned " + Minutes(retry.abandoned);
}

std::string DialingText(const Campaign& campaign) {
  if (campaign.broadcast) {
    return "broadcasting, at most " + std::to_string(campaign.broadcast->max_calls_in_progress) +
           " calls at a time, " + std::to_string(campaign.broadcast->calls_per_second) +
           " a second";
  }
  if (!campaign.dial_mode) return "taking calls only";
  return "dialling " + callcenter::DialModeName(*campaign.dial_mode) + " (abandon target " +
         Percent(campaign.abandon_target) + ")";
}

std::string ListsText(const Campaign& campaign) {
  if (campaign.contact_lists.empty()) return "no contact lists";
  return std::to_string(campaign.contact_lists.size()) +
         (campaign.contact_lists.size() == 1 ? " list (" : " lists (") +
         base::Join(campaign.contact_lists, ", ") + ")";
}

std::string AnswerText(const callcenter::SurveyQuestion& question) {
  switch (question.type) {
    case AnswerType::kYesNo:
      return "yes or no";
    case AnswerType::kChoice:
      return "one of " + base::Join(question.options, ", ");
    case AnswerType::kNumber:
      return "a whole number from " + std::to_string(question.min) + " to " +
             std::to_string(question.max);
    case AnswerType::kText:
      return "text of up to " + std::to_string(question.max_length) + " characters";
  }
  return "";
}

std::vector<std::string> OptOutCodes(const Campaign& campaign) {
  std::vector<std::string> codes;
  for (const callcenter::Disposition& disposition : campaign.dispositions) {
    if (disposition.effect == callcenter::DispositionEffect::kDoNotCall) {
      codes.push_back(disposition.code);
    }
  }
  return codes;
}

std::string QuestionText(const callcenter::BroadcastQuestion& question) {
  return question.id + " (prompt " + question.prompt + ", press 1 to " +
         std::to_string(question.choices) + ")";
}

// What a broadcast plays and under which MCMC certificate.
std::string BroadcastSummary(const callcenter::Broadcast& broadcast) {
  return "It plays " + broadcast.message + " (MCMC certificate " + broadcast.mcmc_certificate +
         ")" + (broadcast.question ? ", then asks " + QuestionText(*broadcast.question) : "") + ".";
}

}  // namespace

std::string CampaignSummary(const Campaign& campaign) {
  std::vector<std::string> question_ids;
  for (const callcenter::SurveyQuestion& question : campaign.survey) {
    question_ids.push_back(question.id);
  }
  std::string survey = campaign.survey.empty()
                           ? "No survey"
                           : "A survey of " + std::to_string(campaign.survey.size()) +
                                 " questions (" + base::Join(question_ids, ", ") + ")";
  bool calls = campaign.kind != callcenter::CampaignKind::kInbound;
  std::string kind(callcenter::CampaignKindName(campaign.kind));
  std::string calling = calls ? ", calling " + ListsText(campaign) + " within " +
                                    campaign.hours.ToString() + "; " + RetryText(campaign.retry)
                              : "";
  if (campaign.broadcast) {
    return campaign.id + ": " + campaign.name + ". A broadcast campaign " + DialingText(campaign) +
           " in " + base::Join(campaign.languages, ", ") + calling + ". " +
           BroadcastSummary(*campaign.broadcast);
  }
  return campaign.id + ": " + campaign.name + ". " + (kind == "blended" ? "A " : "An ") + kind +
         " campaign " + DialingText(campaign) + " in " + base::Join(campaign.languages, ", ") +
         calling + ". " + survey + "; " + std::to_string(campaign.dispositions.size()) +
         " dispositions, opt-outs recorded as " + base::Join(OptOutCodes(campaign), ", ") + ".";
}

void PrintCampaign(const Campaign& campaign, std::ostream& out) {
  out << "campaign " << campaign.id << ": " << campaign.name << '\n';
  if (!campaign.note.empty()) out << "  note: " << campaign.note << '\n';
  out << "  kind: " << callcenter::CampaignKindName(campaign.kind) << ", " << DialingText(campaign)
      << '\n'
      << "  languages: " << base::Join(campaign.languages, ", ") << '\n'
      << "  contact lists: "
      << (campaign.contact_lists.empty() ? "none" : base::Join(campaign.contact_lists, ", "))
      << '\n'
      << "  hours: " << campaign.hours.ToString() << '\n'
      << "  retry: " << RetryText(campaign.retry) << '\n'
      << "  survey:" << (campaign.survey.empty() ? " none" : "") << '\n';
  for (std::size_t i = 0; i < campaign.survey.size(); ++i) {
    const callcenter::SurveyQuestion& question = campaign.survey[i];
    out << "    " << i + 1 << ". " << question.id << ": " << question.text << " ["
        << AnswerText(question) << "]\n";
  }
  if (campaign.broadcast) {
    const callcenter::Broadcast& broadcast = *campaign.broadcast;
    out << "  broadcast: message " << broadcast.message << '\n'
        << "    MCMC certificate: " << broadcast.mcmc_certificate << '\n'
        << "    question: "
        << (broadcast.question ? QuestionText(*broadcast.question) : std::string("none")) << '\n';
    return;
  }
  out << "  dispositions:\n";
  for (const callcenter::Disposition& disposition : campaign.dispositions) {
    out << "    " << disposition.code << ": " << disposition.label << " ("
        << callcenter::DispositionEffectName(disposition.effect) << ")\n";
  }
}

}  // namespace cli
