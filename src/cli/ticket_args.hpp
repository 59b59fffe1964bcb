// Reading ticket ids and other values several commands take from the command line.
#pragma once

#include "core/ticket.hpp"

#include <map>
#include <span>
#include <string>
#include <vector>

namespace tkt::cli {

// Parses each of `words` as a ticket id ("42" or "#42"); throws a usage error naming
// the first word that is not one.
std::vector<TicketId> parse_ticket_ids(std::span<const std::string> words);

// Parses --var words "name=value" into a map; throws a usage error for a word without
// '=' or without a name.
std::map<std::string, std::string> parse_vars(const std::vector<std::string>& words);

// Returns `word` marked so that CLI11 does not take a tag removal such as "-spam" (or
// "-hot", which it would read as -h) for an option; other words come back unchanged.
std::string protect_dash_word(const std::string& word);

// Returns `word` with the mark of protect_dash_word removed.
std::string restore_dash_word(const std::string& word);

}  // namespace tkt::cli
