# jansampark's front door. `make run` and `make test` work on a fresh Debian 12 machine:
# each installs what is missing (scripts/setup), builds, and does its job.

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 30
TEST_FUZZ_SECONDS ?= 15
DB         ?= jansampark.db
HTTP       ?= 127.0.0.1:8080
JOBS       ?= $(shell nproc)

CMAKE_FLAGS = -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON

.PHONY: bench-sip setup build build-program build-asan build-fuzz run load test test-release test-asan test-fuzz fuzz \
	lint format bench clean

setup:
	@scripts/setup

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Release

$(ASAN_BUILD)/build.ninja:
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DJANSAMPARK_SANITIZE=ON

$(FUZZ_BUILD)/build.ninja:
	cmake -S . -B $(FUZZ_BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_COMPILER=clang++-14 -DJANSAMPARK_FUZZ=ON

build: setup $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

build-asan: setup $(ASAN_BUILD)/build.ninja
	cmake --build $(ASAN_BUILD) -j $(JOBS)

build-fuzz: setup $(FUZZ_BUILD)/build.ninja
	cmake --build $(FUZZ_BUILD) -j $(JOBS)

# Hindi and English prompts spoken by espeak-ng (data/prompts/), made once; `build` makes them so
# that `make run` and `make test` have them.
.PHONY: prompts
prompts: setup
	scripts/make-prompts $(BUILD)/prompts
build: prompts

load: build
	$(BUILD)/jansampark data load --db $(DB)

run: load
	$(BUILD)/jansampark serve --db $(DB) --http $(HTTP)

# Every test once, in the debug build under AddressSanitizer and UndefinedBehaviorSanitizer, lint
# (clang-format, clang-tidy, the clock rule) with them; the Release program is built too, so that
# its -O2 warnings fail the run. Then every parser's fuzzer for a short while (TEST_FUZZ_SECONDS
# each). `make test-release` runs the tests in the Release build as well.
test: build-program test-asan test-fuzz

build-program: setup prompts $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS) --target jansampark

test-release: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: build-asan prompts
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

test-fuzz: build-fuzz
	scripts/fuzz $(FUZZ_BUILD) $(TEST_FUZZ_SECONDS)

# Every parser's libFuzzer target (clang 14, ASan, UBSan) for FUZZ_SECONDS each: make fuzz
# FUZZ_SECONDS=600. Findings land in $(FUZZ_BUILD)/fuzz-artifacts.
fuzz: build-fuzz
	scripts/fuzz $(FUZZ_BUILD) $(FUZZ_SECONDS)

lint: build
	scripts/lint all $(BUILD)

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

# Seat analysis beside its peer, ACD routing decisions, then the dialer grid of issue 3
# (about ten minutes); each appends its figures to bench/RESULTS.md.
bench: build
	bench/run $(BUILD)
	bench/run_acd $(BUILD)
	bench/run_dnd $(BUILD)
	bench/dialer_grid $(BUILD)
	$(MAKE) bench-sip

# Issue 4 (about fifteen minutes): calls/s of answer + prompt + digit + hang up beside SIPp's UAS,
# then concurrent bridged calls beside rtpengine; both append to bench/RESULTS.md.
bench-sip: build
	bench/run_sip $(BUILD)
	bench/run_bridge $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
