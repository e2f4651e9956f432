// HTTP routes serving the agency chronology template.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { templateCsv, templateXlsx } from './agency-template.js';

const file = z.string().describe('The template file');

const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  let xlsx: Buffer | undefined;

  app.get('/api/template.xlsx', {
    config: { access: 'any' },
    schema: { tags: ['templates'], summary: 'The agency chronology template (xlsx)', response: { 200: file } },
    handler: async (_request, reply) => {
      xlsx ??= await templateXlsx();
      void reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="agency-chronology-template.xlsx"');
      return reply.send(xlsx as never);
    },
  });

  app.get('/api/template.csv', {
    config: { access: 'any' },
    schema: { tags: ['templates'], summary: 'The agency chronology template (csv)', response: { 200: file } },
    handler: async (_request, reply) => {
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="agency-chronology-template.csv"');
      return reply.send(templateCsv() as never);
    },
  });
};

export default templateRoutes;
