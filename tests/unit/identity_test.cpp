// Customers' identities: phone numbers as people write them, chat identities and mail
// addresses, each read into the one form tkt stores.
#include "people/identity.hpp"
#include "people/phone.hpp"

#include <array>
#include <doctest/doctest.h>

using namespace tkt;

namespace {

struct PhoneCase {
    const char* written;
    const char* country;
    const char* e164;  // nullptr: not a phone number tkt takes
};

// Russian numbers as customers and agents write them, and international ones.
constexpr std::array<PhoneCase, 40> k_phones{{
    {"+7 900 123-45-67", "RU", "+79001234567"},
    {"+79001234567", "RU", "+79001234567"},
    {"8 900 123-45-67", "RU", "+79001234567"},
    {"8 (900) 123-45-67", "RU", "+79001234567"},
    {"8(900)1234567", "RU", "+79001234567"},
    {"89001234567", "RU", "+79001234567"},
    {"9001234567", "RU", "+79001234567"},
    {"+7 (900) 123 45 67", "RU", "+79001234567"},
    {"+7-900-123-45-67", "RU", "+79001234567"},
    {"+7.900.123.45.67", "RU", "+79001234567"},
    {"  +7 900 123 45 67  ", "RU", "+79001234567"},
    {"tel:+7-900-123-45-67", "RU", "+79001234567"},
    {"8 800 555-35-35", "RU", "+78005553535"},
    {"8 (495) 123-45-67", "RU", "+74951234567"},
    {"+7 495 123-45-67 доб. 123", "RU", "+74951234567"},
    {"+7 495 123 45 67 ext. 12", "RU", "+74951234567"},
    {"8 (812) 123-45-67", "RU", "+78121234567"},
    {"+7 727 123 4567", "RU", "+77271234567"},  // Kazakhstan shares +7
    {"+7 900 123-45-67", "", "+79001234567"},
    {"+7 900 123-45-67", "DE", "+79001234567"},
    {"+44 20 7946 0958", "RU", "+442079460958"},
    {"020 7946 0958", "GB", "+442079460958"},
    {"0044 20 7946 0958", "GB", "+442079460958"},
    {"+1 (415) 555-2671", "RU", "+14155552671"},
    {"(415) 555-2671", "US", "+14155552671"},
    {"1-415-555-2671", "US", "+14155552671"},
    {"+49 30 1234567", "RU", "+49301234567"},
    {"030 1234567", "DE", "+49301234567"},
    {"+375 29 123-45-67", "RU", "+375291234567"},
    {"+380 44 123 4567", "RU", "+380441234567"},
    {"+33 1 23 45 67 89", "RU", "+33123456789"},
    {"+86 10 1234 5678", "RU", "+861012345678"},
    {"8 900 123-45-67", "", nullptr},  // no country code and no country to read it in
    {"9001234567", "", nullptr},
    {"+7 900 123-45", "RU", nullptr},          // digits missing
    {"+7 900 123-45-67-89-0", "RU", nullptr},  // digits too many
    {"123", "RU", nullptr},
    {"+", "RU", nullptr},
    {"8 900 ABC-45-67", "RU", nullptr},
    {"+7 900 123+45-67", "RU", nullptr},
}};

}  // namespace

TEST_CASE("people::normalize_phone") {
    for (const auto& c : k_phones) {
        CAPTURE(c.written);
        CAPTURE(c.country);
        const auto e164 = normalize_phone(c.written, c.country);
        if (c.e164 == nullptr) {
            CHECK_FALSE(e164);
        } else {
            REQUIRE(e164);
            CHECK(*e164 == c.e164);
        }
    }
}

TEST_CASE("people::looks_like_phone") {
    CHECK(looks_like_phone("+7 900 123-45-67"));
    CHECK(looks_like_phone("8 (900) 123-45-67 доб. 5"));
    CHECK_FALSE(looks_like_phone("bob@example.com"));
    CHECK_FALSE(looks_like_phone("telegram:12345"));
    CHECK_FALSE(looks_like_phone("12"));
    CHECK_FALSE(looks_like_phone(""));
}

TEST_CASE("people::parse_identity") {
    SUBCASE("a mail address, with its name") {
        const auto id = parse_identity("Bob Smith <Bob@Example.COM>", "RU");
        REQUIRE(id);
        CHECK(id->kind == IdentityKind::email);
        CHECK(id->value == "bob@example.com");
        CHECK(id->name == "Bob Smith");
    }
    SUBCASE("a phone number, bare and with a name") {
        const auto bare = parse_identity("8 (900) 123-45-67", "RU");
        REQUIRE(bare);
        CHECK(bare->kind == IdentityKind::phone);
        CHECK(bare->value == "+79001234567");
        CHECK(bare->name.empty());
        const auto named = parse_identity("\"Иван Петров\" <+7 900 123 45 67>", "RU");
        REQUIRE(named);
        CHECK(named->value == "+79001234567");
        CHECK(named->name == "Иван Петров");
    }
    SUBCASE("chat identities: platform lowercased, the id kept as given") {
        const auto telegram = parse_identity("Telegram:12345", "");
        REQUIRE(telegram);
        CHECK(telegram->kind == IdentityKind::chat);
        CHECK(telegram->value == "telegram:12345");
        const auto handle = parse_identity("telegram:@Bob_Smith", "");
        REQUIRE(handle);
        CHECK(handle->kind == IdentityKind::chat);
        CHECK(handle->value == "telegram:@Bob_Smith");
        const auto jivo = parse_identity("Анна <jivo:AbC-9>", "");
        REQUIRE(jivo);
        CHECK(jivo->value == "jivo:AbC-9");
        CHECK(jivo->name == "Анна");
    }
    SUBCASE("not an identity") {
        CHECK_FALSE(parse_identity("bob", "RU"));
        CHECK_FALSE(parse_identity("", "RU"));
        CHECK_FALSE(parse_identity("telegram:", "RU"));
        CHECK_FALSE(parse_identity("telegram:a b", "RU"));
        CHECK_FALSE(parse_identity(":123", "RU"));
        CHECK_FALSE(parse_identity("1telegram:123", "RU"));
        CHECK_FALSE(parse_identity("mailto:bob@example.com", "RU"));
        CHECK_FALSE(parse_identity("8 900 123-45-67", ""));
    }
    SUBCASE("the stored forms tell their kind") {
        CHECK(kind_of_identity("+79001234567") == IdentityKind::phone);
        CHECK(kind_of_identity("telegram:12345") == IdentityKind::chat);
        CHECK(kind_of_identity("telegram:@bob") == IdentityKind::chat);
        CHECK(kind_of_identity("bob@example.com") == IdentityKind::email);
        CHECK(kind_of_identity("+orders@shop.example") == IdentityKind::email);
        CHECK(kind_of_identity("+79001234567@sms.example") == IdentityKind::email);
        CHECK(is_identity("+orders@shop.example"));
        CHECK(is_identity("+79001234567"));
        CHECK_FALSE(is_identity("+790"));
        CHECK_FALSE(is_identity("+7900x1234567"));
    }
    SUBCASE("what is wrong, said") {
        CHECK(identity_problem("8 900 123-45-67", "") ==
              "'8 900 123-45-67' has no country code: write it as +7 900 123-45-67, or set 'country' under "
              "[defaults] in config.toml");
        CHECK(identity_problem("+7 900 12", "RU") == "'+7 900 12' is not a possible phone number (read as a "
                                                     "number of RU)");
        CHECK(identity_problem("bob", "RU").starts_with("'bob' is not a mail address, phone number or chat"));
    }
}
