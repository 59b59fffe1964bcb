// Internal to src/templates/. What single words of a display name are: given names,
// titles, company words and the endings of surnames and patronymics, for greet_name().
// Every function takes a word's key: lowercase, ё written е, without dots.
#pragma once

#include <string_view>

namespace tkt::names {

// Returns true when `key` is a common Russian given name (or a short form, or its
// Latin transliteration) from the shipped list.
bool is_given_name(std::string_view key);

// Returns true when `key` is a title or honorific written before a name ("dr", "г-жа").
bool is_title(std::string_view key);

// Returns true when `key` is a suffix or credential written after a name ("jr", "phd").
bool is_suffix(std::string_view key);

// Returns true when `key` says the name is a company, team or mailbox ("support", "ооо").
bool is_company_word(std::string_view key);

// Returns true when `key` is a particle of a surname ("van", "de").
bool is_particle(std::string_view key);

// Returns true when `key` ends a domain name, so "booking.com" is no person.
bool is_top_level_domain(std::string_view key);

// Returns true when `key` ends as Russian, Ukrainian, Armenian or Georgian surnames do
// ("петрова", "шевченко", "petrov"), on a stem of at least two letters.
bool looks_like_surname(std::string_view key);

// Returns true when `key` is a patronymic ("иванович", "сергеевна", "ivanovich").
bool is_patronymic(std::string_view key);

}  // namespace tkt::names
