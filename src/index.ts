export * from "@flinkts/core";
