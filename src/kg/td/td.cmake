# Thing Descriptions (src/kg/td/): validation, TD <-> graph, extension context.
# The W3C TD 1.1 JSON Schema is compiled in, like the JSON-LD contexts.
set(td_schema ${CMAKE_CURRENT_SOURCE_DIR}/td/td-json-schema-validation.json)
set(td_schema_cpp ${CMAKE_CURRENT_BINARY_DIR}/generated/td_json_schema.cpp)
file(READ ${td_schema} td_schema_text)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${td_schema})
file(WRITE ${td_schema_cpp}.tmp
     "// Generated from src/kg/td/td-json-schema-validation.json by td.cmake.\n"
     "namespace tinykg::kg::td {\nextern const char* const kTdJsonSchemaText;\n"
     "const char* const kTdJsonSchemaText = R\"tkgschema(${td_schema_text})tkgschema\";\n}\n")
file(COPY_FILE ${td_schema_cpp}.tmp ${td_schema_cpp} ONLY_IF_DIFFERENT)
target_sources(tinykg_kg PRIVATE
  td/capabilities.cpp td/quantity.cpp td/semantic_checks.cpp td/td_export.cpp
  td/td_import.cpp td/validation.cpp ${td_schema_cpp})
