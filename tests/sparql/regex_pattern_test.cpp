// RegexPattern searches metacharacter-free patterns as substrings; these
// tests hold the shortcut to std::regex's answers, which define REGEX.
#include "sparql/exec/regex_pattern.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

using tinykg::sparql::exec::RegexPattern;

namespace {

bool reference_search(const std::string& text, const std::string& pattern, const std::string& flags) {
  auto options = std::regex::ECMAScript;
  if (flags.find('i') != std::string::npos) options |= std::regex::icase;
  if (flags.find('m') != std::string::npos) options |= std::regex::multiline;
  return std::regex_search(text, std::regex(pattern, options));
}

}  // namespace

TEST(RegexPattern, LiteralShortcutAnswersAsStdRegex) {
  const std::vector<std::string> patterns = {"yes/no", "speech_commands", "YES/NO", "Speech", "",
                                             "a b", "x-y,z", "caf\xc3\xa9", "\xc3\xa9"};
  const std::vector<std::string> texts = {
      "",
      "a NN for Yes/No words",
      "keyword spotting (yes/no)",
      "YES/NO",
      "yes / no",
      "http://example.org/dataset/speech_commands_v0.02",
      "SPEECH_COMMANDS",
      "speech_command",
      "caf\xc3\xa9 CAF\xc3\x89",
      "x-y,z and A B",
      "line one\nyes/no on line two",
  };
  for (const std::string flags : {"", "i", "im", "m", "s"}) {
    for (const std::string& p : patterns) {
      auto re = RegexPattern::compile(p, flags);
      ASSERT_NE(re, nullptr) << p;
      const bool ascii =
          std::all_of(p.begin(), p.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      EXPECT_EQ(re->is_literal(), std::string(flags).find('i') == std::string::npos || ascii)
          << "pattern '" << p << "' flags '" << flags << "'";
      for (const std::string& t : texts) {
        EXPECT_EQ(re->search(t), reference_search(t, p, flags))
            << "text '" << t << "' pattern '" << p << "' flags '" << flags << "'";
      }
    }
  }
}

TEST(RegexPattern, MetacharactersUseTheRegexEngine) {
  for (const std::string p : {"^speech", "yes|no", "a.c", "x\\d", "(a)", "[ab]", "a{2}", "a+", "a*",
                               "a?", "end$"}) {
    auto re = RegexPattern::compile(p, "i");
    ASSERT_NE(re, nullptr) << p;
    EXPECT_FALSE(re->is_literal()) << p;
  }
  EXPECT_TRUE(RegexPattern::compile("^speech", "")->search("speech_commands"));
  EXPECT_FALSE(RegexPattern::compile("^speech", "")->search("a speech"));
  EXPECT_TRUE(RegexPattern::compile("yes|no", "i")->search("NO"));
}

TEST(RegexPattern, InvalidPatternOrFlagIsNull) {
  EXPECT_EQ(RegexPattern::compile("(unclosed", ""), nullptr);
  EXPECT_EQ(RegexPattern::compile("x", "z"), nullptr);
}
