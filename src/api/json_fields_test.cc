#include "api/json_fields.h"

#include <gtest/gtest.h>

namespace api {
namespace {

using nlohmann::json;

TEST(JsonFieldsTest, SyntaxErrorsGiveLineAndColumn) {
  base::Result<json> parsed = base::ParseJsonText("{\n  \"a\": 1,\n  \"b\" 2\n}");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message().find("line 3, column 7: malformed JSON: "), 0u)
      << parsed.status().message();
}

TEST(JsonFieldsTest, KeyTwiceInANestedObjectIsRefusedButNotAcrossObjects) {
  EXPECT_FALSE(base::ParseJsonText(R"({"a": {"b": 1, "b": 2}})").ok());
  EXPECT_TRUE(
      base::ParseJsonText(R"({"a": {"b": 1}, "c": {"b": 2}, "d": [{"b": 1}, {"b": 2}]})").ok());
}

TEST(JsonFieldsTest, RequiredAndOptionalKeys) {
  json object = {{"name", "x"}, {"count", 3}};
  base::Result<JsonFields> fields = JsonFields::Of(object, "top");
  ASSERT_TRUE(fields.ok());
  EXPECT_EQ(*fields->String("name"), "x");
  EXPECT_EQ(*fields->Int("count"), 3);
  EXPECT_EQ(*fields->Int("absent", 7), 7);
  EXPECT_EQ(*fields->String("other", "fallback"), "fallback");
  EXPECT_EQ(fields->String("missing").status().message(), "top.missing: required key is missing");
  EXPECT_TRUE(fields->NoOtherKeys().ok());
}

TEST(JsonFieldsTest, NumbersOutOfRangeAreRefused) {
  json object = {{"huge", 18446744073709551615ULL}, {"big", 4294967296LL}};
  JsonFields fields = *JsonFields::Of(object, "");
  EXPECT_EQ(fields.Int64("huge").status().message(), "huge: expected a whole number");
  EXPECT_EQ(*fields.Int64("big"), 4294967296LL);
  EXPECT_FALSE(fields.Int("big").ok());
}

TEST(JsonFieldsTest, ArraysNameTheirElements) {
  json object = {{"items", {{{"a", 1}}, 5}}, {"words", "not-an-array"}};
  JsonFields fields = *JsonFields::Of(object, "");
  EXPECT_EQ(fields.Objects("items", true).status().message(), "items[1]: expected an object");
  EXPECT_EQ(fields.Strings("words", true).status().message(),
            "words: expected an array of strings");
  base::Result<std::vector<JsonFields>> none = fields.Objects("absent", false);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(JsonFieldsTest, KeysNobodyAskedForAreUnknown) {
  json object = {{"colour", "red"}, {"size", 2}};
  JsonFields fields = *JsonFields::Of(object, "shirt");
  EXPECT_TRUE(fields.String("color", "none").ok());
  EXPECT_EQ(fields.NoOtherKeys().message(), "shirt.colour: unknown key; did you mean color?");
}

}  // namespace
}  // namespace api
