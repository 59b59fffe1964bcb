// Internal to src/store/. Turns a Filter and a sort into the WHERE, ORDER BY and LIMIT of a ticket query, with
// every user value as a bound parameter.
#pragma once

#include "core/filter.hpp"
#include "store/database.hpp"

#include <span>
#include <string>
#include <vector>

namespace tkt::store {

// A bound value: text when `is_text`, else `number`.
struct Parameter {
    bool is_text = false;
    std::int64_t number = 0;
    std::string text;
};

struct Query {
    std::string sql;  // " WHERE ... ORDER BY ... LIMIT ...", to follow "FROM tickets AS t"
    std::vector<Parameter> parameters;
};

// Builds the clauses that select `filter` in `sort` order, at most `limit` rows (0: all),
// in `dialect` (text terms ask each backend's search index its own way).
Query build_ticket_query(const Filter& filter, std::span<const SortKey> sort, std::int64_t limit, Dialect dialect);

// Builds the conditions (joined by AND; "1" when there are none) that select `filter`
// from "tickets AS t", numbering their parameters from ?`first_parameter`.
Query build_ticket_conditions(const Filter& filter, int first_parameter, Dialect dialect);

// Returns the condition that `column` holds an identity of the customers `identities`
// (an SQL list: "?1", "t.requester", "?2, ?3") are of, those themselves included: an
// identity linked to no customer stands for itself alone.
std::string same_customer(std::string_view column, std::string_view identities);

// Binds `parameters` to `statement` as ?`first`, ?`first`+1, ...
void bind_parameters(Statement& statement, const std::vector<Parameter>& parameters, int first = 1);

}  // namespace tkt::store
