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
      "Problem": {"type": "object", "required": ["type", "title", "status", "detail"],
        "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}, "detail": {"type": "string"}, "instance": {"type": "string"}}},
      "ModelSummary": {"type": "object", "required": ["identifier", "name", "iri", "macs", "ram_kb", "flash_kb"],
        "properties": {"identifier": {"type": "string"}, "name": {"type": "string"}, "iri": {"type": "string"}, "macs": {"type": "integer"}, "ram_kb": {"type": "number"}, "flash_kb": {"type": "number"}}},
      "ModelList": {"type": "object", "required": ["total", "limit", "offset", "items"],
        "properties": {"total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/ModelSummary"}}}},
      "ModelImport": {"type": "object", "required": ["identifier", "iri", "name", "quads_added", "macs", "ram_kb", "flash_kb"],
        "properties": {"identifier": {"type": "string"}, "iri": {"type": "string"}, "name": {"type": "string"}, "quads_added": {"type": "integer"}, "macs": {"type": "integer"}, "ram_kb": {"type": "number"}, "flash_kb": {"type": "number"}}},
      "ModelDetail": {"type": "object", "required": ["identifier", "iri", "name", "properties", "estimates", "layers"],
        "properties": {"identifier": {"type": "string"}, "iri": {"type": "string"}, "name": {"type": "string"}, "properties": {"type": "object"}, "estimates": {"type": "object"}, "layers": {"type": "array", "items": {"type": "object"}}}},
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
          {"name": "max_ram_kb", "in": "query", "schema": {"type": "number"}},
          {"name": "max_flash_kb", "in": "query", "schema": {"type": "number"}}],
        "responses": {"200": {"description": "A page of models", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ModelList"}}}},
          "400": {"$ref": "#/components/responses/Problem"}}},
      "post": {"summary": "Upload a .tflite model", "security": [{"bearer": []}],
        "parameters": [{"name": "name", "in": "query", "description": "model name for a raw upload", "schema": {"type": "string"}}],
        "requestBody": {"required": true, "content": {
          "application/octet-stream": {"schema": {"type": "string", "contentMediaType": "application/octet-stream"}},
          "multipart/form-data": {"schema": {"type": "object", "required": ["model"], "properties": {"model": {"type": "string", "contentMediaType": "application/octet-stream"}, "card": {"type": "string", "contentMediaType": "application/json"}, "name": {"type": "string"}}}}}},
        "responses": {"201": {"description": "Imported", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ModelImport"}}}},
          "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
          "409": {"$ref": "#/components/responses/Problem"}, "413": {"$ref": "#/components/responses/Problem"}, "415": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/models/{identifier}": {
      "parameters": [{"$ref": "#/components/parameters/identifier"}],
      "get": {"summary": "Model detail with estimates and layers",
        "responses": {"200": {"description": "The model", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ModelDetail"}}}},
          "404": {"$ref": "#/components/responses/Problem"}}},
      "delete": {"summary": "Remove a model", "security": [{"bearer": []}],
        "responses": {"204": {"description": "Removed"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/devices": {
      "get": {"summary": "List devices", "parameters": [{"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/offset"},
          {"name": "min_ram_kb", "in": "query", "schema": {"type": "number"}},
          {"name": "min_flash_kb", "in": "query", "schema": {"type": "number"}}],
        "responses": {"200": {"description": "A page of devices", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DeviceList"}}}},
          "400": {"$ref": "#/components/responses/Problem"}}},
      "post": {"summary": "Add a board description", "security": [{"bearer": []}],
        "requestBody": {"required": true, "content": {"text/turtle": {"schema": {"type": "string"}}, "application/n-triples": {"schema": {"type": "string"}}}},
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
    "/rdf-graphs": {
      "parameters": [{"name": "default", "in": "query", "allowEmptyValue": true, "schema": {"type": "string"}},
        {"name": "graph", "in": "query", "schema": {"type": "string", "format": "iri"}}],
      "get": {"summary": "Graph Store Protocol: read a graph", "responses": {"200": {"description": "The graph", "content": {"text/turtle": {}, "application/n-triples": {}, "application/n-quads": {}, "application/trig": {}}},
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
