#include "core/address.hpp"

#include <doctest/doctest.h>

using namespace tkt;

TEST_CASE("address::parse_address") {
    SUBCASE("bare") {
        const auto a = parse_address("bob@example.com");
        REQUIRE(a);
        CHECK(a->name.empty());
        CHECK(a->email == "bob@example.com");
    }
    SUBCASE("with a name, domain lowercased") {
        const auto a = parse_address("Bob Smith <Bob@Example.COM>");
        REQUIRE(a);
        CHECK(a->name == "Bob Smith");
        CHECK(a->email == "bob@example.com");
    }
    SUBCASE("quoted name with a comma") {
        const auto a = parse_address("\"Smith, Bob\" <bob@example.com>");
        REQUIRE(a);
        CHECK(a->name == "Smith, Bob");
    }
    SUBCASE("cyrillic name") {
        const auto a = parse_address("Иван Иванов <ivan@example.ru>");
        REQUIRE(a);
        CHECK(a->name == "Иван Иванов");
    }
    SUBCASE("invalid") {
        CHECK_FALSE(parse_address("bob"));
        CHECK_FALSE(parse_address("@example.com"));
        CHECK_FALSE(parse_address("bob@"));
        CHECK_FALSE(parse_address("bob@-example.com"));
        CHECK_FALSE(parse_address("bob@exa mple.com"));
        CHECK_FALSE(parse_address("bob..x@example.com"));
        CHECK_FALSE(parse_address("Bob <bob@example.com"));
        CHECK_FALSE(parse_address("bob@example.com\nBcc: x@y.z"));
    }
}

TEST_CASE("address::format_address") {
    CHECK(format_address({"", "bob@example.com"}) == "bob@example.com");
    CHECK(format_address({"Bob", "bob@example.com"}) == "Bob <bob@example.com>");
}

TEST_CASE("address::takes_no_replies") {
    CHECK(takes_no_replies("noreply@shop.example"));
    CHECK(takes_no_replies("No-Reply@shop.example"));
    CHECK(takes_no_replies("no_reply+4711@shop.example"));
    CHECK(takes_no_replies("do-not-reply@bank.example"));
    CHECK(takes_no_replies("donotreply-billing@bank.example"));
    CHECK(takes_no_replies("MAILER-DAEMON@mx.example.org"));
    CHECK(takes_no_replies("postmaster@example.org"));
    CHECK_FALSE(takes_no_replies("kim@example.net"));
    CHECK_FALSE(takes_no_replies("reply@example.net"));
    CHECK_FALSE(takes_no_replies("nora@example.net"));
    CHECK_FALSE(takes_no_replies("info@noreply.example"));  // the domain is no mailbox
}
