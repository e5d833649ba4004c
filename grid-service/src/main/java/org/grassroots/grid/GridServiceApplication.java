package org.grassroots.grid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Grids, households, the closed-loop case workflow with escalation, patrols and Open311 GeoReport v2. */
@SpringBootApplication
public class GridServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(GridServiceApplication.class, args);
	}
}
