#pragma once

// Offers as real user agents send them, for the tests (the fuzz corpus holds the same texts).
namespace telephony::sdp {

// SIPp's uac scenario.
inline constexpr const char* kSippOffer =
    "v=0\r\n"
    "o=user1 53655765 2353687637 IN IP4 127.0.0.1\r\n"
    "s=-\r\n"
    "c=IN IP4 127.0.0.1\r\n"
    "t=0 0\r\n"
    "m=audio 6000 RTP/AVP 0\r\n"
    "a=rtpmap:0 PCMU/8000\r\n";

// baresip 1.x: opus first, then G.722, G.711 and telephone events; attributes we do not use.
inline constexpr const char* kBaresipOffer =
    "v=0\r\n"
    "o=- 1294834316 2065589736 IN IP4 192.168.1.20\r\n"
    "s=-\r\n"
    "c=IN IP4 192.168.1.20\r\n"
    "t=0 0\r\n"
    "a=tool:baresip 1.0.0\r\n"
    "m=audio 10322 RTP/AVP 111 9 0 8 101\r\n"
    "b=AS:128\r\n"
    "a=rtpmap:111 opus/48000/2\r\n"
    "a=fmtp:111 stereo=1;sprop-stereo=1\r\n"
    "a=rtpmap:9 G722/8000\r\n"
    "a=rtpmap:0 PCMU/8000\r\n"
    "a=rtpmap:8 PCMA/8000\r\n"
    "a=rtpmap:101 telephone-event/8000\r\n"
    "a=fmtp:101 0-15\r\n"
    "a=rtcp:10323\r\n"
    "a=sendrecv\r\n"
    "a=label:1\r\n"
    "a=ssrc:1882426305 cname:8f2a1c3e-5e0f-4c1f-9f5d-3c3c2a7e1b10\r\n"
    "a=mid:1\r\n"
    "a=ptime:20\r\n";

// Linphone-like: opus first, telephone events at three rates, a video stream too.
inline constexpr const char* kLinphoneOffer =
    "v=0\r\n"
    "o=alice 3069 2838 IN IP4 10.0.0.5\r\n"
    "s=Talk\r\n"
    "c=IN IP4 10.0.0.5\r\n"
    "t=0 0\r\n"
    "a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics\r\n"
    "m=audio 7078 RTP/AVP 96 97 98 0 8 101 99 100\r\n"
    "a=rtpmap:96 opus/48000/2\r\n"
    "a=fmtp:96 useinbandfec=1\r\n"
    "a=rtpmap:97 SILK/16000\r\n"
    "a=rtpmap:98 speex/16000\r\n"
    "a=fmtp:98 vbr=on\r\n"
    "a=rtpmap:101 telephone-event/48000\r\n"
    "a=rtpmap:99 telephone-event/16000\r\n"
    "a=rtpmap:100 telephone-event/8000\r\n"
    "a=rtcp-fb:* trr-int 1000\r\n"
    "m=video 9078 RTP/AVP 96\r\n"
    "a=rtpmap:96 VP8/90000\r\n"
    "a=rtcp-fb:* nack pli\r\n";

// A desk phone putting us on hold by re-INVITE (the version one above its first offer).
inline constexpr const char* kHoldReinvite =
    "v=0\r\n"
    "o=- 20518 20519 IN IP4 203.0.113.9\r\n"
    "s=SIP Call\r\n"
    "c=IN IP4 203.0.113.9\r\n"
    "t=0 0\r\n"
    "m=audio 16384 RTP/AVP 8 0 101\r\n"
    "a=rtpmap:101 telephone-event/8000\r\n"
    "a=fmtp:101 0-15\r\n"
    "a=ptime:20\r\n"
    "a=sendonly\r\n";

}  // namespace telephony::sdp
