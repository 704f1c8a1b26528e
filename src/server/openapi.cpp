// The OpenAPI 3.1 description of /api (and the protocol endpoints, briefly).
// Kept as one JSON literal so it reads like the published document; the
// server tests check real responses against its status codes and schemas.
#include <nlohmann/json.hpp>

#include "server/service.h"

namespace tinykg::server {
namespace {

constexpr const char* kDocument = R"json({
  "openapi": "3.1.0",
  "info": {
    "title": "tinykg",
    "version": "0.1.0",
    "description": "Knowledge graph of TinyML models and IoT devices. Reads are open unless the server runs with --closed-reads; writes need 'Authorization: Bearer <token>' (tinykg token create --role write). Every error is application/problem+json (RFC 9457)."
  },
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    "responses": {
      "Problem": {"description": "Error", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
    },
    "parameters": {
      "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 1000, "default": 100}},
      "offset": {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 0}},
      "identifier": {"name": "identifier", "in": "path", "required": true, "schema": {"type": "string"}},
      "deviceIri": {"name": "iri", "in": "path", "required": true, "description": "percent-encoded device IRI", "schema": {"type": "string"}}
    },
    "schemas": {
      "CampaignSummary": {"type": "object", "required": ["id", "model", "model_name", "sha256", "status", "total", "confirmed", "failed", "refused", "pending", "progress", "waves", "created", "finished"],
        "properties": {"id": {"type": "string"}, "model": {"type": "string"}, "model_name": {"type": "string"}, "sha256": {"type": "string"},
          "status": {"enum": ["running", "paused", "completed", "failed", "cancelled"]}, "total": {"type": "integer"}, "confirmed": {"type": "integer"},
          "failed": {"type": "integer"}, "refused": {"type": "integer"}, "pending": {"type": "integer"}, "progress": {"type": "number", "minimum": 0, "maximum": 1},
          "waves": {"type": "array", "items": {"type": "object", "properties": {"index": {"type": "integer"}, "size": {"type": "integer"}, "confirmed": {"type": "integer"}, "failed": {"type": "integer"}}}},
          "devices": {"type": "array", "items": {"type": "object", "properties": {"iri": {"type": "string"}, "status": {"enum": ["pending", "sending", "confirmed", "failed", "refused"]}, "attempts": {"type": "integer"}, "error": {"type": ["string", "null"]}}}},
          "waiting_until": {"type": ["string", "null"], "description": "Running outside its maintenance windows: when the next one opens (UTC)"},
          "created": {"type": "string"}, "finished": {"type": ["string", "null"]}}},
      "Problem": {"type": "object", "required": ["type", "title", "status", "detail"],
        "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}, "detail": {"type": "string"}, "instance": {"type": "string"}}},
      "ModelSummary": {"type": "object", "required": ["identifier", "name", "iri", "version", "tags", "macs", "ram_kb", "flash_kb"],
        "properties": {"identifier": {"type": "string"}, "name": {"type": "string"}, "iri": {"type": "string"},
          "version": {"type": ["integer", "null"], "description": "1, 2, ... in upload order of the name; null for a model loaded as RDF without one"},
          "tags": {"type": "array", "items": {"type": "string"}}, "macs": {"type": "integer"}, "ram_kb": {"type": "number"}, "flash_kb": {"type": "number"}}},
      "ModelList": {"type": "object", "required": ["total", "limit", "offset", "items"],
        "properties": {"total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/ModelSummary"}}}},
      "ModelImport": {"type": "object", "required": ["identifier", "iri", "name", "version", "quads_added", "macs", "ram_kb", "flash_kb"],
        "properties": {"identifier": {"type": "string"}, "iri": {"type": "string"}, "name": {"type": "string"}, "version": {"type": "integer"}, "quads_added": {"type": "integer"}, "macs": {"type": "integer"}, "ram_kb": {"type": "number"}, "flash_kb": {"type": "number"}}},
      "ModelDetail": {"type": "object", "required": ["identifier", "iri", "name", "version", "versions", "tags", "lineage", "properties", "estimates", "layers"],
        "properties": {"identifier": {"type": "string"}, "iri": {"type": "string"}, "name": {"type": "string"},
          "version": {"type": ["integer", "null"]},
          "versions": {"type": "array", "description": "every model of this name, oldest first", "items": {"type": "object", "required": ["identifier", "version"], "properties": {"identifier": {"type": "string"}, "version": {"type": ["integer", "null"]}}}},
          "tags": {"type": "array", "items": {"type": "string"}},
          "lineage": {"type": "object", "required": ["source", "training_run", "parent"], "properties": {"source": {"type": ["string", "null"]}, "training_run": {"type": ["string", "null"]}, "parent": {"type": ["string", "null"], "description": "identifier of the parent model"}}}, "properties": {"type": "object"}, "estimates": {"type": "object"}, "layers": {"type": "array", "items": {"type": "object"}}}},
      "DeviceSummary": {"type": "object", "required": ["iri", "ram_kb", "flash_kb"],
        "properties": {"iri": {"type": "string"}, "ram_kb": {"type": "number"}, "flash_kb": {"type": "number"}}},
      "DeviceList": {"type": "object", "required": ["total", "limit", "offset", "items"],
        "properties": {"total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/DeviceSummary"}}}},
      "DeviceDetail": {"type": "object", "required": ["iri", "properties", "parts"],
        "properties": {"iri": {"type": "string"}, "properties": {"type": "object"}, "parts": {"type": "array", "items": {"type": "object"}}}},
      "LoadReport": {"type": "object", "required": ["quads_read", "quads_added"],
        "properties": {"quads_read": {"type": "integer"}, "quads_added": {"type": "integer"}}},
      "Stats": {"type": "object", "required": ["quads", "models", "devices"],
        "properties": {"quads": {"type": "integer"}, "models": {"type": "integer"}, "devices": {"type": "integer"}}}
    }
  },
  "paths": {
    "/api/models": {
      "get": {"summary": "List models", "parameters": [{"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/offset"},
          {"name": "name", "in": "query", "description": "substring of the name", "schema": {"type": "string"}},
          {"name": "tag", "in": "query", "description": "only models carrying this tag", "schema": {"type": "string"}},
          {"name": "max_ram_kb", "in": "query", "schema": {"type": "number"}},
          {"name": "max_flash_kb", "in": "query", "schema": {"type": "number"}}],
        "responses": {"200": {"description": "A page of models", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ModelList"}}}},
          "400": {"$ref": "#/components/responses/Problem"}}},
      "post": {"summary": "Upload a .tflite model", "security": [{"bearer": []}],
        "description": "A name already in the graph gets the next version (models keep their content-addressed identifiers).",
        "parameters": [{"name": "name", "in": "query", "description": "model name for a raw upload", "schema": {"type": "string"}},
          {"name": "tag", "in": "query", "description": "tag to set (repeatable)", "schema": {"type": "array", "items": {"type": "string"}}, "style": "form", "explode": true}],
        "requestBody": {"required": true, "content": {
          "application/octet-stream": {"schema": {"type": "string", "contentMediaType": "application/octet-stream"}},
          "multipart/form-data": {"schema": {"type": "object", "required": ["model"], "properties": {"model": {"type": "string", "contentMediaType": "application/octet-stream"}, "card": {"type": "string", "contentMediaType": "application/json"}, "name": {"type": "string"}, "tag": {"type": "array", "items": {"type": "string"}}}}}}},
        "responses": {"201": {"description": "Imported", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ModelImport"}}}},
          "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
          "409": {"$ref": "#/components/responses/Problem"}, "413": {"$ref": "#/components/responses/Problem"}, "415": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/models/{identifier}": {
      "parameters": [{"$ref": "#/components/parameters/identifier"}],
      "get": {"summary": "Model detail with estimates, layers, versions, tags and lineage. {identifier} may also be a model name: its latest version, or the one chosen by ?version= or ?tag=",
        "parameters": [{"name": "version", "in": "query", "schema": {"type": "integer", "minimum": 1}},
          {"name": "tag", "in": "query", "description": "latest version carrying this tag (an alias such as 'production')", "schema": {"type": "string"}}],
        "responses": {"200": {"description": "The model", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ModelDetail"}}}},
          "404": {"$ref": "#/components/responses/Problem"}}},
      "delete": {"summary": "Remove a model", "security": [{"bearer": []}],
        "responses": {"204": {"description": "Removed"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/models/{identifier}/tags/{tag}": {
      "parameters": [{"$ref": "#/components/parameters/identifier"}, {"name": "tag", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[A-Za-z0-9._-]{1,64}$"}}],
      "put": {"summary": "Tag a model (idempotent)", "security": [{"bearer": []}],
        "responses": {"204": {"description": "Tagged"}, "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}},
      "delete": {"summary": "Remove a tag", "security": [{"bearer": []}],
        "responses": {"204": {"description": "Removed"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/devices": {
      "get": {"summary": "List devices", "parameters": [{"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/offset"},
          {"name": "min_ram_kb", "in": "query", "schema": {"type": "number"}},
          {"name": "min_flash_kb", "in": "query", "schema": {"type": "number"}}],
        "responses": {"200": {"description": "A page of devices", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DeviceList"}}}},
          "400": {"$ref": "#/components/responses/Problem"}}},
      "post": {"summary": "Add a board description (RDF, or a Thing Description that is validated first)", "security": [{"bearer": []}],
        "requestBody": {"required": true, "content": {"text/turtle": {"schema": {"type": "string"}}, "application/n-triples": {"schema": {"type": "string"}}, "application/td+json": {"schema": {"type": "object"}}}},
        "responses": {"201": {"description": "Added", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LoadReport"}}}},
          "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "415": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/devices/{iri}": {
      "parameters": [{"$ref": "#/components/parameters/deviceIri"}],
      "get": {"summary": "Device detail with its parts",
        "responses": {"200": {"description": "The device", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DeviceDetail"}}}},
          "404": {"$ref": "#/components/responses/Problem"}}},
      "delete": {"summary": "Remove a device and its parts", "security": [{"bearer": []}],
        "responses": {"204": {"description": "Removed"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/match/models": {
      "get": {"summary": "Models for a board, with estimated latency and energy on it",
        "parameters": [{"name": "device", "in": "query", "required": true, "description": "board IRI, title or IRI tail", "schema": {"type": "string"}},
          {"name": "reasons", "in": "query", "schema": {"type": "boolean", "default": false}},
          {"name": "include", "in": "query", "schema": {"type": "string", "enum": ["fits", "all"], "default": "fits"}}],
        "responses": {"200": {"description": "Models; fits is null when unknown; latency_ms and energy_mj are null when the board's core or clock is not stated",
            "content": {"application/json": {"schema": {"type": "object", "required": ["device", "items"],
              "properties": {"device": {"type": "string"}, "items": {"type": "array", "items": {"type": "object",
                "required": ["uuid", "name", "iri", "category", "accuracy", "macs", "ram_kb", "flash_kb", "latency_ms", "energy_mj", "fits"],
                "properties": {"uuid": {"type": ["string", "null"]}, "name": {"type": "string"}, "iri": {"type": "string"}, "category": {"type": ["string", "null"]},
                  "accuracy": {"type": ["number", "null"]}, "macs": {"type": ["number", "null"]}, "ram_kb": {"type": ["number", "null"]}, "flash_kb": {"type": ["number", "null"]},
                  "latency_ms": {"type": ["number", "null"]}, "energy_mj": {"type": ["number", "null"]}, "fits": {"type": ["boolean", "null"]},
                  "reasons": {"type": "array", "items": {"type": "string"}}}}}}}}}},
          "400": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/match/devices": {
      "get": {"summary": "Boards that can run a model, with its estimated latency and energy on each",
        "parameters": [{"name": "model", "in": "query", "required": true, "description": "model UUID, name or IRI", "schema": {"type": "string"}},
          {"name": "reasons", "in": "query", "schema": {"type": "boolean", "default": false}},
          {"name": "include", "in": "query", "schema": {"type": "string", "enum": ["fits", "all"], "default": "fits"}}],
        "responses": {"200": {"description": "Boards; fits is null when unknown",
            "content": {"application/json": {"schema": {"type": "object", "required": ["model", "items"],
              "properties": {"model": {"type": "string"}, "items": {"type": "array", "items": {"type": "object",
                "required": ["iri", "name", "ram_kb", "flash_kb", "sensors", "latency_ms", "fits"],
                "properties": {"iri": {"type": "string"}, "name": {"type": ["string", "null"]}, "ram_kb": {"type": ["number", "null"]}, "flash_kb": {"type": ["number", "null"]},
                  "sensors": {"type": "array", "items": {"type": "string"}}, "core": {"type": ["string", "null"]}, "clock_mhz": {"type": ["number", "null"]},
                  "latency_ms": {"type": ["number", "null"]}, "energy_mj": {"type": ["number", "null"]}, "fits": {"type": ["boolean", "null"]},
                  "reasons": {"type": "array", "items": {"type": "string"}}}}}}}}}},
          "400": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/match/similar": {
      "get": {"summary": "Models most similar to a model (task, input, operator mix, cost), optionally only those that fit a board",
        "parameters": [{"name": "model", "in": "query", "required": true, "description": "model UUID, name or IRI", "schema": {"type": "string"}},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 10}},
          {"name": "fits", "in": "query", "description": "board IRI, title or IRI tail: only models that fit it", "schema": {"type": "string"}}],
        "responses": {"200": {"description": "Most similar first; score = 1 - distance (docs/match.md)",
            "content": {"application/json": {"schema": {"type": "object", "required": ["model", "items"],
              "properties": {"model": {"type": "string"}, "fits": {"type": "string"}, "items": {"type": "array", "items": {"type": "object",
                "required": ["uuid", "name", "iri", "score", "distance"],
                "properties": {"uuid": {"type": ["string", "null"]}, "name": {"type": "string"}, "iri": {"type": "string"}, "score": {"type": "number"},
                  "category": {"type": ["string", "null"]}, "accuracy": {"type": ["number", "null"]}, "macs": {"type": ["number", "null"]},
                  "ram_kb": {"type": ["number", "null"]}, "flash_kb": {"type": ["number", "null"]},
                  "distance": {"type": "object", "properties": {"task": {"type": "number"}, "input": {"type": "number"}, "operators": {"type": "number"}, "cost": {"type": "number"}}},
                  "latency_ms": {"type": ["number", "null"]}, "energy_mj": {"type": ["number", "null"]}}}}}}}}},
          "400": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/match/fit": {
      "get": {"summary": "One model on one board: does it fit, why (not), and its estimated latency and energy there",
        "parameters": [{"name": "model", "in": "query", "required": true, "description": "model UUID, name or IRI", "schema": {"type": "string"}},
          {"name": "device", "in": "query", "required": true, "description": "board IRI, title or IRI tail", "schema": {"type": "string"}}],
        "responses": {"200": {"description": "fits is null when unknown; reasons are the refusals, the unknowns, or (when it fits) the checks passed",
            "content": {"application/json": {"schema": {"type": "object", "required": ["model", "device", "fits", "reasons", "latency_ms", "energy_mj"],
              "properties": {"model": {"type": "string"}, "device": {"type": "string"}, "fits": {"type": ["boolean", "null"]},
                "reasons": {"type": "array", "items": {"type": "string"}},
                "latency_ms": {"type": ["number", "null"]}, "energy_mj": {"type": ["number", "null"]}}}}}},
          "400": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/deployments": {
      "get": {"summary": "Deployment campaigns", "responses": {"200": {"description": "Campaign summaries", "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/CampaignSummary"}}}}}}}}},
      "post": {"summary": "Start a campaign: a model to a device list or to every device it fits", "security": [{"bearer": []}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["model"],
          "properties": {"model": {"type": "string"}, "devices": {"type": "array", "items": {"type": "string"}}, "target": {"enum": ["fitting"]},
            "canary": {"type": "integer", "minimum": 1}, "wave_growth": {"type": "number", "minimum": 1}, "concurrency": {"type": "integer", "minimum": 1},
            "max_failures": {"type": "integer", "minimum": 0}, "max_failure_rate": {"type": "number", "minimum": 0, "maximum": 1},
            "retries": {"type": "integer", "minimum": 0}, "timeout_ms": {"type": "integer", "minimum": 1}, "backoff_ms": {"type": "integer", "minimum": 0},
            "wave_success": {"type": "number", "minimum": 0, "maximum": 1},
            "windows": {"description": "Maintenance windows in UTC, e.g. \"Mon-Fri 22:00-04:00\" (docs/deploy.md)", "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}}}}}},
        "responses": {"202": {"description": "Started", "content": {"application/json": {"schema": {"type": "object", "required": ["id", "href"], "properties": {"id": {"type": "string"}, "href": {"type": "string"}}}}}},
          "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/deployments/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"summary": "One campaign", "responses": {"200": {"description": "Summary", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CampaignSummary"}}}}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/deployments/{id}/events": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"summary": "Progress as Server-Sent Events: 'progress' (data: campaign summary) on change, finally 'done'",
        "responses": {"200": {"description": "Event stream", "content": {"text/event-stream": {}}}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/deployments/{id}/{action}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
        {"name": "action", "in": "path", "required": true, "schema": {"enum": ["pause", "resume", "cancel", "retry", "rollback"]}}],
      "post": {"summary": "Pause, resume, cancel, retry the failed devices, or roll back (a new campaign, 202)", "security": [{"bearer": []}],
        "responses": {"200": {"description": "Summary after the action", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CampaignSummary"}}}},
          "202": {"description": "Rollback campaign started"}, "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/stats": {
      "get": {"summary": "Graph size", "responses": {"200": {"description": "Counts", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Stats"}}}}}}
    },
    "/api/openapi.json": {
      "get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}}
    },
    "/sparql": {
      "get": {"summary": "SPARQL 1.1 Protocol query", "parameters": [{"name": "query", "in": "query", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "Results", "content": {"application/sparql-results+json": {}, "text/csv": {}, "text/tab-separated-values": {}}},
          "400": {"$ref": "#/components/responses/Problem"}, "406": {"$ref": "#/components/responses/Problem"}, "501": {"$ref": "#/components/responses/Problem"}}},
      "post": {"summary": "SPARQL 1.1 Protocol query (form or direct) or update",
        "requestBody": {"content": {"application/x-www-form-urlencoded": {}, "application/sparql-query": {}, "application/sparql-update": {}}},
        "responses": {"200": {"description": "Results"}, "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"},
          "406": {"$ref": "#/components/responses/Problem"}, "415": {"$ref": "#/components/responses/Problem"}, "501": {"$ref": "#/components/responses/Problem"}}}
    },
    "/things": {
      "get": {"summary": "WoT Discovery: list Thing Descriptions (docs/thing-descriptions.md)", "parameters": [{"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/offset"},
          {"name": "format", "in": "query", "schema": {"enum": ["array", "collection"], "default": "array"}}],
        "responses": {"200": {"description": "TDs (array) or a ThingCollection; Link rel=next while more remain", "content": {"application/ld+json": {}}}, "400": {"$ref": "#/components/responses/Problem"}}},
      "post": {"summary": "Register an anonymous TD (no id)", "security": [{"bearer": []}], "requestBody": {"required": true, "content": {"application/td+json": {}}},
        "responses": {"201": {"description": "Registered; Location names the assigned urn:uuid"}, "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "415": {"$ref": "#/components/responses/Problem"}}}
    },
    "/things/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "description": "percent-encoded TD id", "schema": {"type": "string"}}],
      "get": {"summary": "A TD with its registration information", "responses": {"200": {"description": "The TD", "content": {"application/td+json": {}, "application/ld+json": {}, "text/turtle": {}, "application/n-quads": {}}},
          "404": {"$ref": "#/components/responses/Problem"}, "406": {"$ref": "#/components/responses/Problem"}}},
      "put": {"summary": "Create or replace a TD", "security": [{"bearer": []}], "requestBody": {"required": true, "content": {"application/td+json": {}}},
        "responses": {"201": {"description": "Created"}, "204": {"description": "Replaced"}, "400": {"description": "Invalid TD: problem with validationErrors [{field (JSON pointer), description}]", "content": {"application/problem+json": {}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "415": {"$ref": "#/components/responses/Problem"}}},
      "patch": {"summary": "JSON merge patch of a TD", "security": [{"bearer": []}], "requestBody": {"required": true, "content": {"application/merge-patch+json": {}}},
        "responses": {"204": {"description": "Updated"}, "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
          "404": {"$ref": "#/components/responses/Problem"}, "415": {"$ref": "#/components/responses/Problem"}}},
      "delete": {"summary": "Remove a TD", "security": [{"bearer": []}], "responses": {"204": {"description": "Removed"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/search/sparql": {
      "get": {"summary": "WoT Discovery search: a SPARQL query (read-only)", "parameters": [{"name": "query", "in": "query", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "Results"}, "400": {"$ref": "#/components/responses/Problem"}, "406": {"$ref": "#/components/responses/Problem"}}}
    },
    "/events": {
      "get": {"summary": "Server-Sent Events thing_created / thing_updated / thing_deleted (?diff=true, Last-Event-ID); also /events/{type}",
        "responses": {"200": {"description": "text/event-stream", "content": {"text/event-stream": {}}}}}
    },
    "/rdf-graphs": {
      "parameters": [{"name": "default", "in": "query", "allowEmptyValue": true, "schema": {"type": "string"}},
        {"name": "graph", "in": "query", "schema": {"type": "string", "format": "iri"}}],
      "get": {"summary": "Graph Store Protocol: read a graph", "responses": {"200": {"description": "The graph", "content": {"text/turtle": {}, "application/n-triples": {}, "application/n-quads": {}, "application/trig": {}, "application/ld+json": {}}},
        "400": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "406": {"$ref": "#/components/responses/Problem"}}},
      "put": {"summary": "Replace a graph", "security": [{"bearer": []}], "responses": {"201": {"description": "Created"}, "204": {"description": "Replaced"},
        "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "413": {"$ref": "#/components/responses/Problem"}, "415": {"$ref": "#/components/responses/Problem"}}},
      "post": {"summary": "Add triples to a graph", "security": [{"bearer": []}], "responses": {"201": {"description": "Created"}, "204": {"description": "Merged"},
        "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "413": {"$ref": "#/components/responses/Problem"}, "415": {"$ref": "#/components/responses/Problem"}}},
      "delete": {"summary": "Remove a graph", "security": [{"bearer": []}], "responses": {"204": {"description": "Removed"},
        "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    }
  }
})json";

}  // namespace

const nlohmann::json& openapi_document() {
  static const nlohmann::json document = nlohmann::json::parse(kDocument);
  return document;
}

}  // namespace tinykg::server
