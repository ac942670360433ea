#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"
#include "telephony/rtp/media_engine.h"

namespace telephony::rtp {

// Reads a prompt from disk and encodes it both ways (pcmu and pcma filled).
// Accepted: a WAV file (RIFF/WAVE, mono, 8 kHz; 16-bit PCM, µ-law or A-law, format codes
// 1, 7, 6, or WAVE_FORMAT_EXTENSIBLE carrying one of those), recognised by its "RIFF" magic
// or a .wav name; anything else is taken as raw 8 kHz µ-law, as written by
// `sox in.wav -r 8000 -c 1 -e mu-law -b 8 -t raw out.ulaw`.
// Errors name the file and what is wrong: kNotFound when it cannot be read, kInvalidArgument
// when empty, not 8 kHz, not mono, of another encoding or with a truncated chunk.
// Blocks on disk: call at start-up or from a worker, never on the media thread.
base::Result<PromptRef> LoadPrompt(const std::string& path);

// LoadPrompt's reading of a file's bytes already in memory (an upload): a WAV file when it
// starts with "RIFF" or `name` ends in .wav, else raw µ-law. Errors as LoadPrompt's, each
// starting "prompt NAME: " ("prompt rally.wav: 44100 Hz, expected 8000 Hz").
base::Result<Prompt> DecodePrompt(std::span<const std::uint8_t> bytes, std::string_view name);

}  // namespace telephony::rtp
